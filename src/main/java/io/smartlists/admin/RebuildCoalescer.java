package io.smartlists.admin;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rebuilds asked from the admin one at a time, in the background, coalescing requests: while
 * one rebuild runs, at most one more is queued (it will read everything the later clicks wanted);
 * further requests join the queued one. Ten clicks on "rebuild" run one rebuild and queue at most
 * one. The worker thread stops after a minute idle.
 */
public final class RebuildCoalescer {

  private static final Logger log = LoggerFactory.getLogger(RebuildCoalescer.class);

  /** What a request did. */
  public enum Outcome {
    /** A rebuild was queued (it starts at once when none runs). */
    STARTED,
    /** A rebuild was already waiting to start; this request joined it. */
    JOINED
  }

  private final Runnable rebuild;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final ThreadPoolExecutor worker;

  public RebuildCoalescer(Runnable rebuild) {
    this.rebuild = rebuild;
    this.worker =
        new ThreadPoolExecutor(
            1,
            1,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "smartlists-admin-rebuild");
              t.setDaemon(true);
              return t;
            });
    this.worker.allowCoreThreadTimeOut(true);
  }

  /** Asks for a rebuild. */
  public Outcome request() {
    if (!queued.compareAndSet(false, true)) {
      return Outcome.JOINED;
    }
    worker.execute(
        () -> {
          // from here on a new request needs a new rebuild (it may want orders this one missed)
          queued.set(false);
          try {
            rebuild.run();
          } catch (RuntimeException e) {
            log.error("Smart Lists: rebuild asked from the admin failed", e);
          }
        });
    return Outcome.STARTED;
  }
}
