package io.smartlists.bench;

import io.smartlists.engine.EngineListener;
import io.smartlists.engine.EngineSettings;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.mail.MailBlock;
import io.smartlists.mail.MailLinks;
import io.smartlists.mail.MailRequest;
import io.smartlists.mail.NewsletterRun;
import io.smartlists.mail.SmartListsMail;
import io.smartlists.stats.ClickSigner;
import io.smartlists.stats.StatsRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Newsletter blocks at catalogue scale (issue 12): the {@code EMAIL_NEWSLETTER} block (the shipped
 * default cells: each customer's stage decides the lists) of customers of the synthetic store
 * (100,000 products, 200,000 customers, 1,000,000 orders), rendered to HTML and text with signed
 * links, in throughput mode. The baseline, measured in the same run, is the engine alone composing
 * the same widget: the difference is the e-mail rendering. Run with {@code -t 2} for both cores.
 *
 * <p>{@code main} runs a whole segment through {@link NewsletterRun} with a progress bar instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NewsletterBenchmark {

  SyntheticStore store;
  SmartListsEngine engine;
  SmartListsMail mail;
  final AtomicInteger next = new AtomicInteger();

  @Setup(Level.Trial)
  public void setUp() {
    store = SyntheticStore.catalogueScale();
    engine = engine(store);
    engine.rebuild();
    mail = mail(engine, store);
    MailBlock probe = mail.render(MailRequest.newsletter(store.orderCustomerId(0), null));
    if (probe.isEmpty() || probe.html().isEmpty()) {
      throw new IllegalStateException("the newsletter block is empty: " + probe);
    }
  }

  static SmartListsEngine engine(SyntheticStore store) {
    return new SmartListsEngine(
        store,
        store,
        store,
        store,
        DefaultConfiguration::create,
        new EngineSettings(Duration.ofSeconds(10), BenchEngines.BATCH),
        EngineListener.NONE,
        Clock.fixed(SyntheticStore.NOW, ZoneOffset.UTC));
  }

  static SmartListsMail mail(SmartListsEngine engine, SyntheticStore store) {
    Clock clock = Clock.fixed(SyntheticStore.NOW, ZoneOffset.UTC);
    MailLinks links =
        new MailLinks(
            new ClickSigner("benchmark-secret-of-32-bytes-len".getBytes(StandardCharsets.UTF_8)),
            "https://shop.example",
            "/smartlists",
            Duration.ofDays(30),
            Map.of("utm_source", "smartlists", "utm_medium", "email"),
            clock);
    return new SmartListsMail(
        engine,
        store,
        null,
        links,
        "smartlists/mail/block",
        null,
        StatsRecorder.NONE,
        clock,
        4,
        100_000);
  }

  private String customer() {
    return store.orderCustomerId(Math.floorMod(next.getAndIncrement() * 7919, store.orderCount));
  }

  @Benchmark
  public MailBlock renderNewsletterBlock() {
    return mail.render(MailRequest.newsletter(customer(), Locale.ENGLISH));
  }

  /** Baseline: the engine composing the same widget, without any e-mail rendering. */
  @Benchmark
  public Widget composeNewsletterWidget() {
    String c = customer();
    return engine.compose(
        new WidgetRequest(
            Placement.EMAIL_NEWSLETTER,
            "mail:" + c,
            c,
            java.util.List.of(),
            SyntheticStore.NOW,
            false));
  }

  /**
   * A whole segment through {@link NewsletterRun} ({@code args[0]} customers, 2 threads, no
   * throttle), alternated with the baseline of the same run: the engine alone composing the same
   * customers' widgets on 2 threads. Prints blocks/s of both, twice each, and their ratio.
   */
  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    SyntheticStore store = SyntheticStore.catalogueScale();
    SmartListsEngine engine = engine(store);
    engine.rebuild();
    SmartListsMail mail = mail(engine, store);
    for (int round = 1; round <= 2; round++) {
      java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
      NewsletterRun.Result r =
          new NewsletterRun(mail, 2, 0)
              .run(
                  segment(store, n),
                  (long) n,
                  Locale.ENGLISH,
                  b -> bytes.addAndGet(b.html().length()),
                  p -> System.err.print("\r" + NewsletterRun.bar(p)));
      System.err.println();
      System.out.printf(
          Locale.ROOT,
          "round %d newsletter: %d blocks (%d empty) in %.1f s: %.0f blocks/s, mean HTML %d chars%n",
          round,
          r.blocks(),
          r.empty(),
          r.elapsedNanos() / 1e9,
          r.perSecond(),
          bytes.get() / Math.max(1, r.blocks() - r.empty()));
      double baseline = composeOnly(engine, store, n);
      System.out.printf(
          Locale.ROOT,
          "round %d baseline (compose only): %.0f widgets/s; newsletter/baseline = %.2f%n",
          round,
          baseline,
          r.perSecond() / baseline);
    }
  }

  private static java.util.Iterator<String> segment(SyntheticStore store, int n) {
    return new java.util.Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public String next() {
        return store.orderCustomerId(Math.floorMod(i++ * 7919, store.orderCount));
      }
    };
  }

  private static double composeOnly(SmartListsEngine engine, SyntheticStore store, int n)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    Thread[] threads = new Thread[2];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                  String c = store.orderCustomerId(Math.floorMod(i * 7919, store.orderCount));
                  engine.compose(
                      new WidgetRequest(
                          Placement.EMAIL_NEWSLETTER,
                          "mail:" + c,
                          c,
                          java.util.List.of(),
                          SyntheticStore.NOW,
                          false));
                }
              });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    return n * 1e9 / (System.nanoTime() - start);
  }
}
