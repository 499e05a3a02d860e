package io.smartlists.mail;

import io.smartlists.engine.model.Placement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UTM parameters of every e-mail link, per e-mail placement: the store's properties ({@code
 * smartlists.mail.utm.*}, the same for every placement, {@code {placement}} replaced) overridden by
 * what the merchant saved in the admin for that placement ({@code utm_source}, {@code utm_medium},
 * {@code utm_campaign}; an empty value leaves the parameter out). The saved values are read from
 * the {@link Store} and cached: links are signed on the newsletter's hot path, so a change made on
 * another node shows after at most {@code refresh}.
 */
public final class MailUtm {

  private static final Logger log = LoggerFactory.getLogger(MailUtm.class);

  /** The parameters the admin edits. */
  public static final List<String> PARAMETERS = List.of("utm_source", "utm_medium", "utm_campaign");

  /** The placeholder a value may hold: the placement in lower case. */
  public static final String PLACEMENT_VARIABLE = "{placement}";

  /** Longest value. */
  public static final int MAX_LENGTH = 100;

  /**
   * Characters a value may hold (besides {@value #PLACEMENT_VARIABLE}): letters, digits, {@code - _
   * . ~}, the unreserved characters of a URL, which an analytics tool reads back unchanged.
   */
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._~-]*");

  /** One placement's saved parameters ({@code ""} = left out). */
  public record Setting(String source, String medium, String campaign) {

    public static final Setting NONE = new Setting("", "", "");

    /** The values in {@link #PARAMETERS}' order. */
    public List<String> values() {
      return List.of(source, medium, campaign);
    }
  }

  /** A saved placement's setting with who saved it when. */
  public record Saved(Setting setting, String author, Instant at) {}

  /** Where the merchant's settings are kept (the module's table {@code SL_MAIL_UTM}). */
  public interface Store {

    /** Every placement's saved setting. */
    Map<Placement, Saved> load();

    /** Saves one placement's setting and adds it to the history. */
    void save(Placement placement, Setting setting, String author, Instant at);
  }

  private final Map<String, String> defaults;
  private final @Nullable Store store;
  private final Clock clock;
  private final long refreshNanos;
  private final ReentrantLock reloading = new ReentrantLock();
  private volatile Map<Placement, Saved> saved = Map.of();
  private volatile Map<String, Map<String, String>> effective;
  private volatile long loadedAt;

  /**
   * @param defaults the properties' parameters, e.g. {@code utm_medium=email}
   * @param store the admin's settings, or null (properties only)
   */
  public MailUtm(
      Map<String, String> defaults, @Nullable Store store, Clock clock, Duration refresh) {
    this.defaults = new LinkedHashMap<>(defaults);
    this.store = store;
    this.clock = clock;
    this.refreshNanos = refresh.toNanos();
    this.effective = compute(Map.of());
    reload();
  }

  /** The properties' parameters only. */
  public static MailUtm of(Map<String, String> defaults) {
    return new MailUtm(defaults, null, Clock.systemUTC(), Duration.ofDays(1));
  }

  /** The parameters of a link of this placement (by name), in order, placeholders replaced. */
  public Map<String, String> parameters(String placement) {
    if (store != null && System.nanoTime() - loadedAt > refreshNanos) {
      // one thread reloads, the others use the values they have
      if (reloading.tryLock()) {
        try {
          reload();
        } finally {
          reloading.unlock();
        }
      }
    }
    Map<String, String> p = effective.get(placement);
    return p != null ? p : substituted(defaults, placement);
  }

  /** The setting saved for the placement, or null when the properties apply. */
  public @Nullable Saved saved(Placement placement) {
    return saved.get(placement);
  }

  /** The problems of a value ({@code null} when valid): message keys of the admin. */
  public static @Nullable String problem(String value) {
    if (value.length() > MAX_LENGTH) {
      return "sl.utm.error.length";
    }
    if (!ALLOWED.matcher(value.replace(PLACEMENT_VARIABLE, "")).matches()) {
      return "sl.utm.error.characters";
    }
    return null;
  }

  /**
   * Saves a placement's parameters.
   *
   * @throws IllegalArgumentException when a value is not allowed ({@link #problem})
   * @throws IllegalStateException without a store
   */
  public void save(Placement placement, Setting setting, String author) {
    if (!placement.email()) {
      throw new IllegalArgumentException(placement + " is not an e-mail placement");
    }
    for (String v : setting.values()) {
      if (problem(v) != null) {
        throw new IllegalArgumentException("UTM value not allowed: " + v);
      }
    }
    if (store == null) {
      throw new IllegalStateException("no store for the UTM settings");
    }
    store.save(placement, setting, author, clock.instant());
    reload();
  }

  /** Whether the admin can save settings. */
  public boolean editable() {
    return store != null;
  }

  private void reload() {
    loadedAt = System.nanoTime();
    if (store == null) {
      return;
    }
    try {
      Map<Placement, Saved> fresh = Map.copyOf(store.load());
      saved = fresh;
      effective = compute(fresh);
    } catch (RuntimeException e) {
      log.warn("could not read the e-mail UTM settings, keeping the last ones", e);
    }
  }

  private Map<String, Map<String, String>> compute(Map<Placement, Saved> settings) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Placement p : Placement.values()) {
      if (!p.email()) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>(defaults);
      Saved s = settings.get(p);
      if (s != null) {
        List<String> values = s.setting().values();
        for (int i = 0; i < PARAMETERS.size(); i++) {
          params.remove(PARAMETERS.get(i));
          if (!values.get(i).isEmpty()) {
            params.put(PARAMETERS.get(i), values.get(i));
          }
        }
      }
      out.put(p.name(), Collections.unmodifiableMap(substituted(params, p.name())));
    }
    return Map.copyOf(out);
  }

  private static Map<String, String> substituted(Map<String, String> params, String placement) {
    String lower = placement.toLowerCase(Locale.ROOT);
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : params.entrySet()) {
      out.put(e.getKey(), e.getValue().replace(PLACEMENT_VARIABLE, lower));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The e-mail placements, in order (for the admin). */
  public static List<Placement> placements() {
    List<Placement> out = new ArrayList<>();
    for (Placement p : Placement.values()) {
      if (p.email()) {
        out.add(p);
      }
    }
    return out;
  }

  /** Every e-mail placement's parameters as links carry them (for the admin). */
  public Map<Placement, Map<String, String>> all() {
    Map<Placement, Map<String, String>> out = new EnumMap<>(Placement.class);
    for (Placement p : placements()) {
      out.put(p, parameters(p.name()));
    }
    return out;
  }
}
