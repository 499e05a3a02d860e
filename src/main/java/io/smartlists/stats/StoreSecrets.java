package io.smartlists.stats;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Secrets the module generates once per store and keeps in {@code SL_STORE_SECRET}: 32 random bytes
 * the first time a name is asked for, the stored ones afterwards. Several nodes starting together
 * agree: the first insert wins, the others read it back.
 */
public final class StoreSecrets {

  /** The key of the click-token HMAC. */
  public static final String CLICK_TOKEN = "click-token";

  /** The salt of the holdout assignment hash. */
  public static final String HOLDOUT_SALT = "holdout-salt";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;

  public StoreSecrets(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The secret called {@code name}, generated and stored on first use. */
  public byte[] get(String name) {
    String stored = read(name);
    if (stored == null) {
      byte[] fresh = new byte[32];
      RANDOM.nextBytes(fresh);
      try {
        jdbc.update(
            "INSERT INTO SL_STORE_SECRET (NAME, SECRET_VALUE) VALUES (?, ?)",
            name,
            Base64.getEncoder().encodeToString(fresh));
      } catch (DataIntegrityViolationException anotherNodeWasFirst) {
        // read the winner's below
      }
      stored = read(name);
      if (stored == null) {
        throw new IllegalStateException("could not store the Smart Lists secret " + name);
      }
    }
    return Base64.getDecoder().decode(stored);
  }

  private @org.jspecify.annotations.Nullable String read(String name) {
    List<String> values =
        jdbc.queryForList(
            "SELECT SECRET_VALUE FROM SL_STORE_SECRET WHERE NAME = ?", String.class, name);
    return values.isEmpty() ? null : values.get(0);
  }
}
