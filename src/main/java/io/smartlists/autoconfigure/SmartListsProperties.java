package io.smartlists.autoconfigure;

import io.smartlists.engine.model.StageRules;
import io.smartlists.eventlog.EventLogSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Smart Lists module under {@code smartlists.*}. Merchandising (which lists show
 * where) is not here: it lives in the database and the admin; these are the technical knobs a store
 * developer sets once.
 *
 * <p>Defaults are literals (so the configuration processor puts them in the IDE metadata); a test
 * keeps them equal to the features' own defaults ({@code EngineSettings.DEFAULT}, {@code
 * StageRules.DEFAULT}, {@code EventLogSettings.DEFAULT}). Each group hands its feature plain values
 * or a settings record, so the features never depend on this class.
 */
@ConfigurationProperties("smartlists")
public class SmartListsProperties {

  /** Whether Smart Lists renders widgets, records events and learns from them. */
  private boolean enabled = true;

  /** Past this time budget a widget gives up, renders empty and a metric counts it. */
  private Duration timeBudget = Duration.ofMillis(50);

  /** When the signals are rebuilt from the store's order history. */
  private final Rebuild rebuild = new Rebuild();

  /** The durable event log every store node tails. */
  private final EventLog eventLog = new EventLog();

  /** The visitor cookie that identifies anonymous shoppers. */
  private final Visitor visitor = new Visitor();

  /** Journey-stage thresholds used by the shipped default configuration. */
  private final Stages stages = new Stages();

  /** The storefront side: widgets, click tracking and the JSON endpoint. */
  private final Site site = new Site();

  /** The merchant's admin screens at /admin/smartlists. */
  private final Admin admin = new Admin();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Duration getTimeBudget() {
    return timeBudget;
  }

  public void setTimeBudget(Duration timeBudget) {
    this.timeBudget = timeBudget;
  }

  public Rebuild getRebuild() {
    return rebuild;
  }

  public EventLog getEventLog() {
    return eventLog;
  }

  public Visitor getVisitor() {
    return visitor;
  }

  public Stages getStages() {
    return stages;
  }

  public Site getSite() {
    return site;
  }

  public Admin getAdmin() {
    return admin;
  }

  /** When and how the signals are rebuilt from the host's order history. */
  public static class Rebuild {

    /** Whether to rebuild once at start-up, in the background so start-up is not blocked. */
    private boolean onStartup = true;

    /**
     * Cron expression (second minute hour day month weekday) of the scheduled rebuild; "-" for
     * none.
     */
    private String cron = "0 0 3 * * *";

    /** Fixed delay between scheduled rebuilds; when set it replaces the cron expression. */
    private @Nullable Duration fixedDelay;

    /** Orders read per batch from the host during a rebuild. */
    private int batchSize = 1000;

    /**
     * How long after a catalogue change the engine cannot apply on its own (a ProductChanged of a
     * product filed in a category the signals do not know yet) the signals are rebuilt, changes
     * meanwhile joining the same rebuild; 0 for none (they wait for the scheduled rebuild). Other
     * ProductChanged events refresh the product at once, without a rebuild.
     */
    private Duration catalogChangeDelay = Duration.ofMinutes(1);

    public boolean isOnStartup() {
      return onStartup;
    }

    public void setOnStartup(boolean onStartup) {
      this.onStartup = onStartup;
    }

    public String getCron() {
      return cron;
    }

    public void setCron(String cron) {
      this.cron = cron;
    }

    public @Nullable Duration getFixedDelay() {
      return fixedDelay;
    }

    public void setFixedDelay(@Nullable Duration fixedDelay) {
      this.fixedDelay = fixedDelay;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public Duration getCatalogChangeDelay() {
      return catalogChangeDelay;
    }

    public void setCatalogChangeDelay(Duration catalogChangeDelay) {
      this.catalogChangeDelay = catalogChangeDelay;
    }
  }

  /** The event log table {@code SL_EVENT} and the tailer that applies it on every node. */
  public static class EventLog {

    /** How often every node reads new events from the log and applies them to its signals. */
    private Duration pollInterval = Duration.ofSeconds(1);

    /** At most this many events are read per poll. */
    private int batchSize = 500;

    /** How long a gap in event ids (a transaction still open, or rolled back) is waited for. */
    private Duration gapTimeout = Duration.ofMinutes(1);

    /** How long the publishing request waits, after commit, for its event to be applied locally. */
    private Duration applyWait = Duration.ofSeconds(1);

    /**
     * Browsing events (views, cart changes, sign-ins) kept in memory for a retry while the database
     * is away; further ones are dropped and counted (health details, {@code droppedEvents}).
     */
    private int writeQueue = 10_000;

    /**
     * A write or read of the event log waiting this long for the database makes the node degraded:
     * request threads stop waiting for the event log and the health indicator says so.
     */
    private Duration stallLimit = Duration.ofSeconds(2);

    /**
     * Browsing events (not orders) of this trailing window are replayed when a node starts; 0 for
     * none.
     */
    private Duration replayWindow = Duration.ofDays(30);

    /**
     * Events older than this are deleted from the log (hourly, by any node); 0 keeps them forever.
     */
    private Duration retention = Duration.ofDays(90);

    /**
     * A product or category view of the same visitor and item within this window of the last one is
     * not recorded again (one view, one count, whether the store publishes {@code ProductViewed} in
     * its controller, uses {@code sl:track-view}, or both); 0 records every view.
     */
    private Duration viewDedupeWindow = Duration.ofSeconds(10);

    public Duration getViewDedupeWindow() {
      return viewDedupeWindow;
    }

    public void setViewDedupeWindow(Duration viewDedupeWindow) {
      this.viewDedupeWindow = viewDedupeWindow;
    }

    public Duration getReplayWindow() {
      return replayWindow;
    }

    public void setReplayWindow(Duration replayWindow) {
      this.replayWindow = replayWindow;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    public Duration getPollInterval() {
      return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public Duration getGapTimeout() {
      return gapTimeout;
    }

    public void setGapTimeout(Duration gapTimeout) {
      this.gapTimeout = gapTimeout;
    }

    public Duration getApplyWait() {
      return applyWait;
    }

    public void setApplyWait(Duration applyWait) {
      this.applyWait = applyWait;
    }

    public int getWriteQueue() {
      return writeQueue;
    }

    public void setWriteQueue(int writeQueue) {
      this.writeQueue = writeQueue;
    }

    public Duration getStallLimit() {
      return stallLimit;
    }

    public void setStallLimit(Duration stallLimit) {
      this.stallLimit = stallLimit;
    }

    EventLogSettings toSettings() {
      return new EventLogSettings(
          pollInterval, batchSize, gapTimeout, applyWait, replayWindow, retention);
    }
  }

  /** The module's own visitor cookie (anonymous shoppers are joined to customers on login). */
  public static class Visitor {

    /** Name of the cookie that carries the opaque visitor id. */
    private String cookieName = "sl_vid";

    /** How long the visitor cookie lives in the browser. */
    private Duration cookieMaxAge = Duration.ofDays(365);

    /** Whether the cookie is marked Secure; by default only when the request itself is secure. */
    private @Nullable Boolean cookieSecure;

    /**
     * At most this many anonymous visitors (and, separately, this many customers) keep their recent
     * browsing in memory; the least recently active are forgotten first. Bounds memory whatever the
     * traffic (a client without cookies is a new visitor on every request).
     */
    private long maxInMemory = 100_000;

    /** Browsing not added to for this long is forgotten from memory. */
    private Duration idleForget = Duration.ofDays(90);

    public long getMaxInMemory() {
      return maxInMemory;
    }

    public void setMaxInMemory(long maxInMemory) {
      this.maxInMemory = maxInMemory;
    }

    public Duration getIdleForget() {
      return idleForget;
    }

    public void setIdleForget(Duration idleForget) {
      this.idleForget = idleForget;
    }

    public String getCookieName() {
      return cookieName;
    }

    public void setCookieName(String cookieName) {
      this.cookieName = cookieName;
    }

    public Duration getCookieMaxAge() {
      return cookieMaxAge;
    }

    public void setCookieMaxAge(Duration cookieMaxAge) {
      this.cookieMaxAge = cookieMaxAge;
    }

    public @Nullable Boolean getCookieSecure() {
      return cookieSecure;
    }

    public void setCookieSecure(@Nullable Boolean cookieSecure) {
      this.cookieSecure = cookieSecure;
    }
  }

  /** Journey-stage thresholds of the shipped default configuration (the admin can change them). */
  public static class Stages {

    /** A customer whose last order is older than this many days is in REACTIVATION. */
    private int inactivityDays = 180;

    /**
     * Product or category views that move a visitor without orders from ACQUISITION to CONVERSION.
     */
    private int browsingThreshold = 2;

    /** The customer group that marks a business account (besides the host's B2B flag). */
    private String b2bGroup = "B2B";

    public int getInactivityDays() {
      return inactivityDays;
    }

    public void setInactivityDays(int inactivityDays) {
      this.inactivityDays = inactivityDays;
    }

    public int getBrowsingThreshold() {
      return browsingThreshold;
    }

    public void setBrowsingThreshold(int browsingThreshold) {
      this.browsingThreshold = browsingThreshold;
    }

    public String getB2bGroup() {
      return b2bGroup;
    }

    public void setB2bGroup(String b2bGroup) {
      this.b2bGroup = b2bGroup;
    }

    StageRules toRules() {
      return new StageRules(inactivityDays, browsingThreshold, b2bGroup);
    }
  }

  /** The storefront: Thymeleaf dialect, click tracking and the JSON endpoint. */
  public static class Site {

    /**
     * Whether the storefront beans (dialect, visitor cookie, click and JSON endpoints) are active.
     */
    private boolean enabled = true;

    /** Path prefix of the module's storefront endpoints (click tracking, JSON widget). */
    private String path = "/smartlists";

    /**
     * Whether widgets are composed on the module's own threads, so a request waits at most the time
     * budget even when a host port (eligibility, catalogue, customers) blocks.
     */
    private boolean isolateHostCalls = true;

    /**
     * Composing threads at most when host calls are isolated (each blocked host call holds one).
     */
    private int composeThreads = 64;

    public boolean isIsolateHostCalls() {
      return isolateHostCalls;
    }

    public void setIsolateHostCalls(boolean isolateHostCalls) {
      this.isolateHostCalls = isolateHostCalls;
    }

    public int getComposeThreads() {
      return composeThreads;
    }

    public void setComposeThreads(int composeThreads) {
      this.composeThreads = composeThreads;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }
  }

  /** The admin screens (they need Spring Security and thymeleaf-extras-springsecurity6). */
  public static class Admin {

    /**
     * Whether the module serves its admin at /admin/smartlists with its own security filter chain.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Failed sign-ins for one account after which its sign-in is refused for the lock period. */
    private int signInFailuresPerAccount = 5;

    /** Failed sign-ins from one client address after which it is refused for the lock period. */
    private int signInFailuresPerAddress = 20;

    /** How long sign-ins stay refused after the last failure that reached a limit. */
    private Duration signInLock = Duration.ofMinutes(15);

    public int getSignInFailuresPerAccount() {
      return signInFailuresPerAccount;
    }

    public void setSignInFailuresPerAccount(int signInFailuresPerAccount) {
      this.signInFailuresPerAccount = signInFailuresPerAccount;
    }

    public int getSignInFailuresPerAddress() {
      return signInFailuresPerAddress;
    }

    public void setSignInFailuresPerAddress(int signInFailuresPerAddress) {
      this.signInFailuresPerAddress = signInFailuresPerAddress;
    }

    public Duration getSignInLock() {
      return signInLock;
    }

    public void setSignInLock(Duration signInLock) {
      this.signInLock = signInLock;
    }
  }
}
