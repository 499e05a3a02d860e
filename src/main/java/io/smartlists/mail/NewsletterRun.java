package io.smartlists.mail;

import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Generates the newsletter block of every customer of a segment and streams each one to the store's
 * mailer as soon as it is rendered (nothing is kept: a segment of millions costs no memory), with
 * progress and a throttle so that the storefront, which shares the engine and the machine, stays
 * fast. The segment is any iterator of customer ids: all customers of a stage, a list of ids, a
 * database cursor.
 *
 * <pre>{@code
 * NewsletterRun.Result r = new NewsletterRun(mail, 2, 2_000)
 *     .run(customerIds, null, block -> mailer.send(block), p -> bar.update(p));
 * }</pre>
 */
public final class NewsletterRun {

  /** Where a run is: blocks done so far, of which empty, and the elapsed time. */
  public record Progress(long done, long empty, @Nullable Long total, long elapsedNanos) {

    /** Blocks per second so far. */
    public double perSecond() {
      return elapsedNanos == 0 ? 0 : done * 1e9 / elapsedNanos;
    }

    /** Seconds left at the rate so far, or -1 when the total or the rate is unknown. */
    public long etaSeconds() {
      double rate = perSecond();
      if (total == null || rate <= 0) {
        return -1;
      }
      return (long) Math.ceil(Math.max(0, total - done) / rate);
    }
  }

  /** Progress is reported every this many blocks (and at the end). */
  static final int PROGRESS_EVERY = 250;

  /** The end of a run. */
  public record Result(long blocks, long empty, long elapsedNanos) {

    public double perSecond() {
      return elapsedNanos == 0 ? 0 : blocks * 1e9 / elapsedNanos;
    }
  }

  private final SmartListsMail mail;
  private final int threads;
  private final double maxPerSecond;

  /**
   * @param threads rendering threads (leave the storefront a core: on 2 cores, 1 or 2)
   * @param maxPerSecond the throttle, blocks per second at most (0: unthrottled)
   */
  public NewsletterRun(SmartListsMail mail, int threads, double maxPerSecond) {
    this.mail = mail;
    this.threads = Math.max(1, threads);
    this.maxPerSecond = maxPerSecond;
  }

  /**
   * Renders the {@code EMAIL_NEWSLETTER} block of every customer {@code segment} yields, in the
   * customer's own language unless {@code locale} is given, hands each non-empty block to {@code
   * out} (from the rendering threads: {@code out} must be thread-safe), and reports progress every
   * {@value #PROGRESS_EVERY} blocks and at the end.
   *
   * @param total the segment's size when known (for a progress bar), else null
   */
  public Result run(
      Iterator<String> segment,
      @Nullable Long total,
      @Nullable Locale locale,
      Consumer<MailBlock> out,
      Consumer<Progress> progress) {
    return run(segment, total, locale, out, progress, () -> false);
  }

  /**
   * As {@link #run(Iterator, Long, Locale, Consumer, Consumer)}, stopping early once {@code
   * cancelled} says so (checked before each customer): blocks in flight finish, no new one starts.
   */
  public Result run(
      Iterator<String> segment,
      @Nullable Long total,
      @Nullable Locale locale,
      Consumer<MailBlock> out,
      Consumer<Progress> progress,
      BooleanSupplier cancelled) {
    return run(segment, total, locale, (customer, block) -> out.accept(block), progress, cancelled);
  }

  /**
   * As {@link #run(Iterator, Long, Locale, Consumer, Consumer, BooleanSupplier)}, handing {@code
   * out} each block with its recipient's customer id.
   */
  public Result run(
      Iterator<String> segment,
      @Nullable Long total,
      @Nullable Locale locale,
      BiConsumer<String, MailBlock> out,
      Consumer<Progress> progress,
      BooleanSupplier cancelled) {
    long start = System.nanoTime();
    AtomicLong done = new AtomicLong();
    AtomicLong empty = new AtomicLong();
    Semaphore inFlight = new Semaphore(threads * 64);
    long intervalNanos = maxPerSecond > 0 ? (long) (1e9 / maxPerSecond) : 0;
    long nextSlot = start;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "smartlists-newsletter");
              t.setDaemon(true);
              t.setPriority(Thread.NORM_PRIORITY - 1);
              return t;
            });
    try {
      while (!cancelled.getAsBoolean() && segment.hasNext()) {
        String customerId = segment.next();
        if (intervalNanos > 0) {
          long now = System.nanoTime();
          if (nextSlot > now) {
            LockSupport.parkNanos(nextSlot - now);
          }
          nextSlot = Math.max(nextSlot, now) + intervalNanos;
        }
        inFlight.acquireUninterruptibly();
        pool.execute(
            () -> {
              try {
                MailBlock block = mail.render(MailRequest.newsletter(customerId, locale));
                if (block.isEmpty()) {
                  empty.incrementAndGet();
                } else {
                  out.accept(customerId, block);
                }
              } finally {
                long n = done.incrementAndGet();
                inFlight.release();
                if (n % PROGRESS_EVERY == 0) {
                  progress.accept(new Progress(n, empty.get(), total, System.nanoTime() - start));
                }
              }
            });
      }
      pool.shutdown();
      pool.awaitTermination(365, TimeUnit.DAYS);
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    long elapsed = System.nanoTime() - start;
    progress.accept(new Progress(done.get(), empty.get(), total, elapsed));
    return new Result(done.get(), empty.get(), elapsed);
  }

  /**
   * A one-line text progress bar ({@code [#####.....] 52,000 / 100,000 4,812/s ETA 0:10}), for a
   * command line ({@code \r} before each).
   */
  public static String bar(Progress p) {
    StringBuilder s = new StringBuilder();
    if (p.total() != null && p.total() > 0) {
      int filled = (int) Math.min(30, p.done() * 30 / p.total());
      s.append('[').append("#".repeat(filled)).append(".".repeat(30 - filled)).append("] ");
      s.append(String.format(Locale.ROOT, "%,d / %,d", p.done(), p.total()));
    } else {
      s.append(String.format(Locale.ROOT, "%,d", p.done()));
    }
    s.append(String.format(Locale.ROOT, "  %,.0f/s", p.perSecond()));
    long eta = p.etaSeconds();
    if (eta >= 0 && (p.total() == null || p.done() < p.total())) {
      s.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
    }
    return s.toString();
  }
}
