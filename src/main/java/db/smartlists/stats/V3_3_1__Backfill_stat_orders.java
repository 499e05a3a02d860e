package db.smartlists.stats;

import io.smartlists.stats.StatOrders;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code SL_STAT_ORDER} (created by {@code V3_3__stat_orders.sql}) from the order events
 * already in the event log, once, in Flyway's transaction: the figures read orders from there since
 * 3.3. A Java migration because the events are JSON, which H2 and PostgreSQL cannot both decode in
 * SQL; it lives in the package of the migrations' location so that Flyway finds it beside them.
 */
public final class V3_3_1__Backfill_stat_orders extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    StatOrders.backfill(context.getConnection());
  }
}
