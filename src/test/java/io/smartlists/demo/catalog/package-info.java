/**
 * The store's catalogue: categories, products, eligibility, and the home, category and product
 * pages.
 */
@NullMarked
package io.smartlists.demo.catalog;

import org.jspecify.annotations.NullMarked;
