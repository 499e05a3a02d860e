/** Test utilities shared by the browser tests of the store and the admin. */
@NullMarked
package io.smartlists.testing;

import org.jspecify.annotations.NullMarked;
