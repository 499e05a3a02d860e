package io.smartlists.eventlog;

import io.smartlists.host.SmartListsEvent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Product and category views as the statistics writer inserts them into {@code SL_EVENT}, in
 * batches, with this node's {@code ORIGIN}: the node that served the view applied it already, the
 * other nodes' tailers apply it from the log, and every node replays it after a restart. The JSON
 * is written on the writer thread, not the request's. The wiring adapts it to the statistics'
 * {@code StatTable} (this package does not depend on the statistics).
 */
public final class BrowsingEventTable {

  private static final String INSERT =
      "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, CUSTOMER_ID, PAYLOAD, OCCURRED_AT, ORIGIN)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  private final EventCodec codec;
  private final String origin;

  public BrowsingEventTable(EventCodec codec, String origin) {
    this.codec = codec;
    this.origin = origin;
  }

  /** The parameterised insert, one view per execution. */
  public String insertSql() {
    return INSERT;
  }

  /** Binds one view to {@link #insertSql()}'s parameters. */
  public void bind(PreparedStatement statement, SmartListsEvent event) throws SQLException {
    statement.setString(1, EventCodec.type(event));
    statement.setString(2, event.visitorId());
    statement.setString(3, EventCodec.customerId(event));
    statement.setString(4, codec.write(event));
    statement.setObject(5, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
    statement.setString(6, origin);
  }

  @Override
  public String toString() {
    return "SL_EVENT (views)";
  }
}
