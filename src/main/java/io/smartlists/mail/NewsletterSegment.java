package io.smartlists.mail;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.host.CustomerDirectoryPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The recipients of a newsletter, streamed: {@link #ids a list of customer ids} or {@link #stage
 * all customers of a journey stage}, read from the store's {@link CustomerDirectoryPort} one batch
 * at a time and kept when the engine resolves them to that stage from their history (the same
 * resolution, under the same visitor id, as the block {@link SmartListsMail} then composes). Only a
 * batch of ids is in memory, never the segment.
 */
public abstract sealed class NewsletterSegment
    permits NewsletterSegment.Ids, NewsletterSegment.Stage {

  /** Customer ids read from the directory per batch. */
  public static final int BATCH = 1_000;

  private NewsletterSegment() {}

  /** A fresh pass over the segment's customer ids. */
  public abstract Iterator<String> customerIds();

  /**
   * How many customers the segment holds, for a progress bar: exact for a list of ids; for a stage,
   * one streaming pass of stage resolution (a customer whose stage changes meanwhile makes it an
   * estimate).
   */
  public abstract long count();

  /** The pasted or uploaded ids: blanks dropped, duplicates once, in their order. */
  public static NewsletterSegment ids(List<String> customerIds) {
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (String id : customerIds) {
      String s = id.strip();
      if (!s.isEmpty()) {
        distinct.add(s);
      }
    }
    return new Ids(List.copyOf(distinct));
  }

  /**
   * Every customer of the directory whose journey stage is {@code stage} at {@code now}.
   *
   * @param now the instant of the stage resolution (the engine's clock for a send)
   */
  public static NewsletterSegment stage(
      CustomerDirectoryPort directory,
      SmartListsEngine engine,
      JourneyStage stage,
      Instant now,
      int batchSize) {
    return new Stage(directory, engine, stage, now, Math.max(1, batchSize));
  }

  /** The visitor id of a customer in e-mails (also {@link SmartListsMail}'s). */
  static String visitorId(String customerId) {
    return "mail:" + customerId;
  }

  static final class Ids extends NewsletterSegment {
    private final List<String> ids;

    Ids(List<String> ids) {
      this.ids = ids;
    }

    @Override
    public Iterator<String> customerIds() {
      return ids.iterator();
    }

    @Override
    public long count() {
      return ids.size();
    }
  }

  static final class Stage extends NewsletterSegment {
    private final CustomerDirectoryPort directory;
    private final SmartListsEngine engine;
    private final JourneyStage stage;
    private final Instant now;
    private final int batchSize;

    Stage(
        CustomerDirectoryPort directory,
        SmartListsEngine engine,
        JourneyStage stage,
        Instant now,
        int batchSize) {
      this.directory = directory;
      this.engine = engine;
      this.stage = stage;
      this.now = now;
      this.batchSize = batchSize;
    }

    /** The stage the segment selects. */
    JourneyStage stage() {
      return stage;
    }

    @Override
    public Iterator<String> customerIds() {
      return new Iterator<>() {
        private List<String> batch = List.of();
        private int next;
        private @Nullable String last;
        private boolean exhausted;
        private @Nullable String ahead;

        @Override
        public boolean hasNext() {
          while (ahead == null && !exhausted) {
            if (next >= batch.size()) {
              List<String> read = directory.customerIdsAfter(last, batchSize);
              if (read.isEmpty()) {
                exhausted = true;
                batch = List.of();
                break;
              }
              batch = new ArrayList<>(read);
              next = 0;
              last = batch.get(batch.size() - 1);
            }
            String id = batch.get(next++);
            if (engine.resolveStage(visitorId(id), id, now).stage() == stage) {
              ahead = id;
            }
          }
          return ahead != null;
        }

        @Override
        public String next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          String id = Objects.requireNonNull(ahead);
          ahead = null;
          return id;
        }
      };
    }

    @Override
    public long count() {
      long n = 0;
      for (Iterator<String> it = customerIds(); it.hasNext(); it.next()) {
        n++;
      }
      return n;
    }
  }
}
