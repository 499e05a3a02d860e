/** The store's customers and the "Browse as" sign-in (Broadleaf {@code CustomerState}). */
@NullMarked
package io.smartlists.demo.customer;

import org.jspecify.annotations.NullMarked;
