package io.smartlists.stats;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Binding helpers shared by the statistics tables (portable across H2 and PostgreSQL). */
final class Sql {

  private Sql() {}

  static void time(PreparedStatement s, int index, Instant at) throws SQLException {
    s.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  static void nullableText(PreparedStatement s, int index, @Nullable String value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, Types.VARCHAR);
    } else {
      s.setString(index, value);
    }
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
