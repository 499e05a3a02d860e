/**
 * The admin's Statistics screen ({@code /admin/smartlists/statistics}): figures per list × stage ×
 * placement for a date range, a chart over time, the holdout comparison and a CSV export.
 */
@NullMarked
package io.smartlists.admin.stats;

import org.jspecify.annotations.NullMarked;
