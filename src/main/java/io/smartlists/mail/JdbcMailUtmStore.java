package io.smartlists.mail;

import io.smartlists.engine.model.Placement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The merchant's UTM settings in {@code SL_MAIL_UTM} (one row per e-mail placement) with every
 * saved change in {@code SL_MAIL_UTM_HISTORY} (migration {@code db/smartlists/mail/V4}).
 */
public final class JdbcMailUtmStore implements MailUtm.Store {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public JdbcMailUtmStore(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public Map<Placement, MailUtm.Saved> load() {
    Map<Placement, MailUtm.Saved> out = new EnumMap<>(Placement.class);
    jdbc.query(
        "SELECT PLACEMENT, UTM_SOURCE, UTM_MEDIUM, UTM_CAMPAIGN, UPDATED_BY, UPDATED_AT"
            + " FROM SL_MAIL_UTM",
        rs -> {
          Placement p;
          try {
            p = Placement.valueOf(rs.getString(1));
          } catch (IllegalArgumentException unknown) {
            return; // a placement this version does not know
          }
          Timestamp at = rs.getTimestamp(6);
          out.put(
              p,
              new MailUtm.Saved(
                  new MailUtm.Setting(rs.getString(2), rs.getString(3), rs.getString(4)),
                  rs.getString(5),
                  at == null ? Instant.EPOCH : at.toInstant()));
        });
    return out;
  }

  @Override
  public void save(Placement placement, MailUtm.Setting setting, String author, Instant at) {
    Timestamp ts = Timestamp.from(at);
    tx.executeWithoutResult(
        status -> {
          int updated =
              jdbc.update(
                  "UPDATE SL_MAIL_UTM SET UTM_SOURCE = ?, UTM_MEDIUM = ?, UTM_CAMPAIGN = ?,"
                      + " UPDATED_BY = ?, UPDATED_AT = ? WHERE PLACEMENT = ?",
                  setting.source(),
                  setting.medium(),
                  setting.campaign(),
                  author,
                  ts,
                  placement.name());
          if (updated == 0) {
            jdbc.update(
                "INSERT INTO SL_MAIL_UTM (PLACEMENT, UTM_SOURCE, UTM_MEDIUM, UTM_CAMPAIGN,"
                    + " UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?)",
                placement.name(),
                setting.source(),
                setting.medium(),
                setting.campaign(),
                author,
                ts);
          }
          jdbc.update(
              "INSERT INTO SL_MAIL_UTM_HISTORY (PLACEMENT, UTM_SOURCE, UTM_MEDIUM, UTM_CAMPAIGN,"
                  + " AUTHOR, CHANGED_AT) VALUES (?, ?, ?, ?, ?, ?)",
              placement.name(),
              setting.source(),
              setting.medium(),
              setting.campaign(),
              author,
              ts);
        });
  }
}
