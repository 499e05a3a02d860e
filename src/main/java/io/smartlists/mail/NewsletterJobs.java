package io.smartlists.mail;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's newsletter generation: one job at a time (per node: the job lives in this JVM), run
 * on a background thread through {@link NewsletterRun} (its threads and throttle), each block
 * written as it is rendered to a file that the merchant downloads when the job is done (JSON Lines
 * or CSV of customer id, subject, HTML and text). Blocks left empty (nothing to recommend, or the
 * holdout) are counted, not written: the mailer sends those newsletters without a block. Starting a
 * job deletes the previous job's file.
 */
public final class NewsletterJobs {

  private static final Logger log = LoggerFactory.getLogger(NewsletterJobs.class);

  /** Where a job is. */
  public enum State {
    /** Counting the segment's customers (a stage segment is resolved once for the total). */
    COUNTING,
    RUNNING,
    DONE,
    CANCELLED,
    FAILED;

    /** True once the job has ended, whichever way. */
    public boolean ended() {
      return this == DONE || this == CANCELLED || this == FAILED;
    }
  }

  /** The result file's format. */
  public enum Format {
    /**
     * One JSON object per line: {@code customerId}, {@code subject}, {@code html}, {@code text}.
     */
    JSONL("application/x-ndjson", "jsonl"),
    /** RFC 4180 CSV with a header row, the same four columns. */
    CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public String extension() {
      return extension;
    }
  }

  /**
   * A job's progress, as the admin's status endpoint returns it.
   *
   * @param segment what the merchant chose, as entered ({@code stage:REACTIVATION}, {@code ids:3})
   * @param done customers rendered so far
   * @param empty of which without a block (not written)
   * @param total the segment's size once known
   * @param perSecond blocks per second so far
   * @param etaSeconds seconds left at that rate, -1 when unknown
   */
  public record Status(
      long id,
      State state,
      String segment,
      String locale,
      Format format,
      String startedBy,
      Instant startedAt,
      @Nullable Instant endedAt,
      long done,
      long empty,
      @Nullable Long total,
      double perSecond,
      long etaSeconds,
      @Nullable String error) {

    /** Customers whose block was written to the result. */
    public long written() {
      return done - empty;
    }

    /** Done out of total, 0 to 100 (0 while the total is unknown). */
    public int percent() {
      if (total == null || total == 0) {
        return state == State.DONE ? 100 : 0;
      }
      return (int) Math.min(100, done * 100 / total);
    }
  }

  private final SmartListsMail mail;
  private final int threads;
  private final double maxPerSecond;
  private final Path directory;
  private final Clock clock;
  private final AtomicLong ids = new AtomicLong();
  private final Object lock = new Object();
  private @Nullable Job current;

  /**
   * @param threads and {@code maxPerSecond}: as {@link NewsletterRun}'s
   * @param directory where the result files go (a temporary directory)
   */
  public NewsletterJobs(
      SmartListsMail mail, int threads, double maxPerSecond, Path directory, Clock clock) {
    this.mail = mail;
    this.threads = threads;
    this.maxPerSecond = maxPerSecond;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * Starts generating the newsletter blocks of {@code segment}.
   *
   * @param locale the language of every block, or null for each customer's own
   * @return the new job's status, or null when a job is still running (one at a time)
   */
  public @Nullable Status start(
      NewsletterSegment segment,
      String description,
      @Nullable Locale locale,
      Format format,
      String startedBy) {
    Job job;
    synchronized (lock) {
      if (current != null && !current.state.ended()) {
        return null;
      }
      if (current != null) {
        current.deleteResult();
      }
      Path file;
      try {
        Files.createDirectories(directory);
        file = Files.createTempFile(directory, "smartlists-newsletter-", "." + format.extension());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the newsletter result file", e);
      }
      job =
          new Job(
              ids.incrementAndGet(),
              segment,
              description,
              locale,
              format,
              startedBy,
              clock.instant(),
              file);
      current = job;
    }
    Thread t = new Thread(job::run, "smartlists-newsletter-job-" + job.id);
    t.setDaemon(true);
    t.setPriority(Thread.NORM_PRIORITY - 1);
    t.start();
    return job.status();
  }

  /** The running or last job's status, or null before the first. */
  public @Nullable Status status() {
    Job job = current();
    return job == null ? null : job.status();
  }

  /** Asks the running job to stop; false when none runs. */
  public boolean cancel() {
    Job job = current();
    if (job == null || job.state.ended()) {
      return false;
    }
    job.cancelled.set(true);
    return true;
  }

  /** The finished job's result file, or null unless the last job is {@link State#DONE}. */
  public @Nullable Path result() {
    Job job = current();
    return job == null || job.state != State.DONE ? null : job.file;
  }

  /**
   * Waits for the current job to end (tests, shutdown).
   *
   * @return its final status, or null without a job
   */
  public @Nullable Status await(long timeoutMillis) throws InterruptedException {
    long until = System.currentTimeMillis() + timeoutMillis;
    Job job = current();
    while (job != null && !job.state.ended() && System.currentTimeMillis() < until) {
      Thread.sleep(10);
    }
    return job == null ? null : job.status();
  }

  private @Nullable Job current() {
    synchronized (lock) {
      return current;
    }
  }

  private final class Job {
    final long id;
    final NewsletterSegment segment;
    final String description;
    final @Nullable Locale locale;
    final Format format;
    final String startedBy;
    final Instant startedAt;
    final Path file;
    volatile State state = State.COUNTING;
    final AtomicBoolean cancelled = new AtomicBoolean();
    final AtomicReference<NewsletterRun.@Nullable Progress> progress = new AtomicReference<>();
    volatile @Nullable Long total;
    volatile @Nullable Instant endedAt;
    volatile @Nullable String error;

    Job(
        long id,
        NewsletterSegment segment,
        String description,
        @Nullable Locale locale,
        Format format,
        String startedBy,
        Instant startedAt,
        Path file) {
      this.id = id;
      this.segment = segment;
      this.description = description;
      this.locale = locale;
      this.format = format;
      this.startedBy = startedBy;
      this.startedAt = startedAt;
      this.file = file;
    }

    void run() {
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        long count = segment.count();
        total = count;
        if (cancelled.get()) {
          state = State.CANCELLED;
          return;
        }
        state = State.RUNNING;
        if (format == Format.CSV) {
          out.write("customer_id,subject,html,text\r\n");
        }
        AtomicReference<@Nullable IOException> failed = new AtomicReference<>();
        new NewsletterRun(mail, threads, maxPerSecond)
            .run(
                segment.customerIds(),
                count,
                locale,
                (customer, block) -> {
                  String line =
                      format == Format.CSV ? csv(customer, block) : jsonLine(customer, block);
                  synchronized (out) {
                    try {
                      out.write(line);
                    } catch (IOException e) {
                      failed.compareAndSet(null, e);
                      cancelled.set(true);
                    }
                  }
                },
                progress::set,
                cancelled::get);
        IOException writeError = failed.get();
        if (writeError != null) {
          throw writeError;
        }
        out.flush();
        state = cancelled.get() ? State.CANCELLED : State.DONE;
      } catch (IOException | RuntimeException e) {
        log.warn("Smart Lists newsletter job {} failed", id, e);
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
        state = State.FAILED;
      } finally {
        endedAt = clock.instant();
        if (state != State.DONE) {
          deleteResult();
        }
      }
    }

    void deleteResult() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.warn("could not delete {}", file, e);
      }
    }

    Status status() {
      NewsletterRun.Progress p = progress.get();
      return new Status(
          id,
          state,
          description,
          locale == null ? "" : locale.toLanguageTag(),
          format,
          startedBy,
          startedAt,
          endedAt,
          p == null ? 0 : p.done(),
          p == null ? 0 : p.empty(),
          total,
          p == null ? 0 : p.perSecond(),
          p == null ? -1 : p.etaSeconds(),
          error);
    }
  }

  /** One JSON Lines record. */
  static String jsonLine(String customerId, MailBlock block) {
    StringBuilder s = new StringBuilder(block.html().length() + block.text().length() + 128);
    s.append("{\"customerId\":");
    json(s, customerId);
    s.append(",\"subject\":");
    json(s, block.subject());
    s.append(",\"html\":");
    json(s, block.html());
    s.append(",\"text\":");
    json(s, block.text());
    return s.append("}\n").toString();
  }

  private static void json(StringBuilder s, String value) {
    s.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    s.append('"');
  }

  /** One CSV row (RFC 4180: every field quoted, quotes doubled, CRLF). */
  static String csv(String customerId, MailBlock block) {
    return csvField(customerId)
        + ','
        + csvField(block.subject())
        + ','
        + csvField(block.html())
        + ','
        + csvField(block.text())
        + "\r\n";
  }

  /** Values exactly as rendered (the file feeds a mailer; no spreadsheet-formula escaping). */
  private static String csvField(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
