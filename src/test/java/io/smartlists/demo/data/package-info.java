/**
 * Loads the shipped demo data set (src/test/resources/demo-data) at start-up, shifting its dates to
 * the store's clock.
 */
@NullMarked
package io.smartlists.demo.data;

import org.jspecify.annotations.NullMarked;
