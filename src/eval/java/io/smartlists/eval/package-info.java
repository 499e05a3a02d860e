/** Offline evaluation of the smart lists on order-line CSV files (README: "Evaluate"). */
@NullMarked
package io.smartlists.eval;

import org.jspecify.annotations.NullMarked;
