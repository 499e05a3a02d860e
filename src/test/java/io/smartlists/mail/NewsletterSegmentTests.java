package io.smartlists.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.host.CustomerDirectoryPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Newsletter segments on a store whose stages are known by construction (stage rules: lapsed after
 * 180 days): two lapsed customers (one order 200 and 300 days ago), one first-time buyer (one order
 * 5 days ago), the shop's repeat buyers (3 orders within 45 days) and customers without an order.
 * Segments stream from the directory a batch at a time.
 */
class NewsletterSegmentTests {

  final MailTestShop shop =
      new MailTestShop(
          data -> {
            data.order("lapsed1", 200, "s3", "c3");
            data.order("lapsed2", 300, "s4");
            data.order("first1", 5, "s5", "c5");
            data.customer("nobody1");
            data.customer("nobody2");
          });

  /** Every customer of the shop, in id order, served in batches; counts what it was asked. */
  final class Directory implements CustomerDirectoryPort {
    final List<String> ids = new ArrayList<>();
    int calls;
    int largestBatch;

    Directory() {
      TreeSet<String> all = new TreeSet<>();
      for (int i = 1; i <= 12; i++) {
        for (int k = 0; k < 3; k++) {
          all.add("buyer" + i + "-" + k);
        }
      }
      all.addAll(List.of("alice", "zoe", "lapsed1", "lapsed2", "first1", "nobody1", "nobody2"));
      ids.addAll(all);
    }

    @Override
    public List<String> customerIdsAfter(@Nullable String last, int batchSize) {
      calls++;
      int from = last == null ? 0 : ids.indexOf(last) + 1;
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
      largestBatch = Math.max(largestBatch, batch.size());
      return List.copyOf(batch);
    }
  }

  final Directory directory = new Directory();

  private List<String> all(NewsletterSegment segment) {
    List<String> out = new ArrayList<>();
    segment.customerIds().forEachRemaining(out::add);
    return out;
  }

  private NewsletterSegment stage(JourneyStage stage) {
    return NewsletterSegment.stage(directory, shop.engine, stage, shop.data.now(), 4);
  }

  @Test
  void stageSegment_isExactlyTheCustomersOfThatStage() {
    assertThat(all(stage(JourneyStage.REACTIVATION))).containsExactly("lapsed1", "lapsed2");
    // each buyerN-k placed one order (5, 25 or 45 days ago); alice placed two
    List<String> first = all(stage(JourneyStage.RETENTION_FIRST_PURCHASE));
    assertThat(first).hasSize(12 * 3 + 1).contains("first1", "buyer7-2").doesNotContain("alice");
    assertThat(all(stage(JourneyStage.RETENTION_REPEAT))).containsExactly("alice");
    assertThat(all(stage(JourneyStage.ACQUISITION)))
        .containsExactlyInAnyOrder("nobody1", "nobody2", "zoe");
    assertThat(stage(JourneyStage.REACTIVATION).count()).isEqualTo(2);
    assertThat(all(stage(JourneyStage.B2B))).isEmpty();
  }

  @Test
  void stageSegment_streamsOneBatchAtATime() {
    Iterator<String> it = stage(JourneyStage.ACQUISITION).customerIds();
    assertThat(directory.calls).isZero(); // nothing read before the first customer is asked for
    assertThat(it.next()).isEqualTo("nobody1");
    // ids in order: alice, buyer1-0... (36), first1, lapsed1, lapsed2, nobody1: batch 11 of 4
    assertThat(directory.calls).isEqualTo(11);
    it.forEachRemaining(id -> {});
    assertThat(directory.largestBatch).isEqualTo(4);
    assertThat(directory.calls).isEqualTo(directory.ids.size() / 4 + 2); // the last, empty batch
  }

  @Test
  void idsSegment_dropsBlanksAndDuplicates() {
    NewsletterSegment s = NewsletterSegment.ids(List.of(" alice", "", "zoe", "alice", " "));
    assertThat(all(s)).containsExactly("alice", "zoe");
    assertThat(s.count()).isEqualTo(2);
  }

  @Test
  void job_writesTheBlocksOfAStageSegment_asJsonLines(@TempDir Path dir) throws Exception {
    NewsletterJobs jobs = new NewsletterJobs(shop.mail(), 2, 0, dir, shop.data.clock());
    NewsletterJobs.Status started =
        jobs.start(
            stage(JourneyStage.REACTIVATION),
            "stage:REACTIVATION",
            Locale.FRENCH,
            NewsletterJobs.Format.JSONL,
            "admin");
    assertThat(started).isNotNull();
    NewsletterJobs.Status done = jobs.await(30_000);
    assertThat(done.state()).isEqualTo(NewsletterJobs.State.DONE);
    assertThat(done.total()).isEqualTo(2);
    assertThat(done.done()).isEqualTo(2);
    assertThat(done.percent()).isEqualTo(100);
    List<String> lines = Files.readAllLines(jobs.result());
    assertThat(lines).hasSize(2);
    // two rendering threads: in either order
    assertThat(lines)
        .extracting(l -> l.substring(0, l.indexOf(",\"subject\":")))
        .containsExactlyInAnyOrder("{\"customerId\":\"lapsed1\"", "{\"customerId\":\"lapsed2\"");
    assertThat(lines)
        .allSatisfy(
            l ->
                assertThat(l)
                    .contains("\"subject\":\"Sélectionné pour vous : ")
                    .contains("\"html\":\"")
                    .contains("<table")
                    .contains("\"text\":\"")
                    .endsWith("\"}"));
  }

  @Test
  void job_oneAtATime_cancelStopsIt_andLeavesNoFile(@TempDir Path dir) throws Exception {
    // throttled to 5 blocks a second: 40 customers take 8 s
    NewsletterJobs jobs = new NewsletterJobs(shop.mail(), 1, 5, dir, shop.data.clock());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(i % 2 == 0 ? "alice" + i : "zoe");
    }
    assertThat(
            jobs.start(NewsletterSegment.ids(ids), "ids", null, NewsletterJobs.Format.CSV, "admin"))
        .isNotNull();
    assertThat(
            jobs.start(
                NewsletterSegment.ids(List.of("alice")),
                "ids",
                null,
                NewsletterJobs.Format.CSV,
                "admin"))
        .as("a second job while the first runs")
        .isNull();
    assertThat(jobs.cancel()).isTrue();
    NewsletterJobs.Status end = jobs.await(10_000);
    assertThat(end.state()).isEqualTo(NewsletterJobs.State.CANCELLED);
    assertThat(end.done()).isLessThan(21);
    assertThat(jobs.result()).isNull();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    assertThat(jobs.cancel()).isFalse();
  }

  @Test
  void csv_quotesEveryField() {
    MailBlock block = shop.mail().render(MailRequest.newsletter("alice", Locale.ENGLISH));
    String row = NewsletterJobs.csv("al\"ice", block);
    assertThat(row).startsWith("\"al\"\"ice\",\"Picked for you: ").endsWith("\"\r\n");
  }
}
