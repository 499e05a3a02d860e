package io.smartlists.autoconfigure;

/**
 * One feature's migrations: the Flyway location {@code classpath:db/smartlists/<feature>}. A
 * feature that is switched on declares a bean of this type and {@link SmartListsSchema} migrates
 * its tables; a feature that is off leaves no table behind.
 *
 * <p>All features share one history table ({@value SmartListsSchema#HISTORY_TABLE}), so versions
 * are unique across the module: each feature owns a major version ({@code eventlog} 1, {@code
 * merchandising} 2, {@code stats} 3, {@code mail} 4, the next feature 5...) and numbers its later
 * migrations below it ({@code V1_1__...}, {@code V2_1__...}). Features evolve independently, so
 * migrations run out of order.
 *
 * @param feature the folder under {@code db/smartlists}
 */
public record SmartListsMigrations(String feature) {

  /** The event log's table {@code SL_EVENT} (major version 1; 1.1 adds the views' origin). */
  public static final SmartListsMigrations EVENT_LOG = new SmartListsMigrations("eventlog");

  /** The merchandising configuration's tables {@code SL_CELL}, {@code SL_SLOT}... */
  public static final SmartListsMigrations MERCHANDISING =
      new SmartListsMigrations("merchandising");

  /**
   * The statistics' shopper-event rows {@code SL_STAT_IMPRESSION}, {@code SL_STAT_CLICK}, {@code
   * SL_STAT_CART_ADD}, the generated secrets {@code SL_STORE_SECRET} (major version 3), and their
   * hourly roll-ups {@code SL_STAT_HOURLY}, {@code SL_STAT_HOURLY_EXPOSURE}, {@code SL_STAT_ROLLUP}
   * (3.1).
   */
  public static final SmartListsMigrations STATS = new SmartListsMigrations("stats");

  /** The e-mail settings {@code SL_MAIL_UTM} with their history (major version 4). */
  public static final SmartListsMigrations MAIL = new SmartListsMigrations("mail");

  /** The Flyway location of this feature's migrations. */
  public String location() {
    return "classpath:db/smartlists/" + feature;
  }
}
