package io.smartlists.mail;

import io.smartlists.engine.model.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The admin's UTM settings in memory, for tests ({@link JdbcMailUtmStore} keeps them in the
 * database): the last setting of each placement, and every save in order.
 */
public final class MemoryUtmStore implements MailUtm.Store {

  private final Map<Placement, MailUtm.Saved> saved =
      Collections.synchronizedMap(new EnumMap<>(Placement.class));
  private final List<String> history = Collections.synchronizedList(new ArrayList<>());

  @Override
  public Map<Placement, MailUtm.Saved> load() {
    synchronized (saved) {
      return new EnumMap<>(saved);
    }
  }

  @Override
  public void save(Placement placement, MailUtm.Setting setting, String author, Instant at) {
    saved.put(placement, new MailUtm.Saved(setting, author, at));
    history.add(placement + " " + setting + " " + author);
  }

  /** The last setting saved for each placement. */
  public Map<Placement, MailUtm.Saved> saved() {
    return load();
  }

  /** Every save, oldest first ({@code placement setting author}). */
  public List<String> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }
}
