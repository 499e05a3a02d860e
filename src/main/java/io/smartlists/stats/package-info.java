/**
 * Measuring what the widgets do: composition timings, failures and timeouts, impressions and
 * clicks, bound to Micrometer. Recording never blocks or fails a page.
 */
@NullMarked
package io.smartlists.stats;

import org.jspecify.annotations.NullMarked;
