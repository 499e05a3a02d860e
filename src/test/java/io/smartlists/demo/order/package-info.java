/** Cart, checkout and orders: the store's order history port and the cart and order events. */
@NullMarked
package io.smartlists.demo.order;

import org.jspecify.annotations.NullMarked;
