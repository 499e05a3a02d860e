/**
 * The host SPI: the ports a store implements so that Smart Lists can read its catalogue, orders,
 * customers and eligibility rules, and the events the store publishes. This package is plain Java
 * and the only coupling between the module and a store platform; the README maps each port to its
 * Broadleaf Commerce and Apache OFBiz counterpart.
 */
@NullMarked
package io.smartlists.host;

import org.jspecify.annotations.NullMarked;
