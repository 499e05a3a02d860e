package io.smartlists.engine.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Browsing held in memory stays bounded whatever the traffic. */
class BrowsingStoreTests {

  private final AtomicLong nanos = new AtomicLong();

  private BrowsingStore store(long max, Duration idle) {
    return new BrowsingStore(max, idle, nanos::get);
  }

  @Test
  void cookieLessFlood_keepsAtMostTheMaximumOfVisitors() {
    BrowsingStore store = store(1_000, Duration.ofDays(90));
    for (int i = 0; i < 50_000; i++) {
      store.viewedProduct("v" + i, null, i % 7, 1_000 + i);
    }
    assertThat(store.size()).isLessThanOrEqualTo(1_000).isGreaterThan(900);
    // the latest visitor is kept (least recently active evicted first)
    assertThat(store.get("v49999", null).productViewCount()).isEqualTo(1);
  }

  @Test
  void visitorIdlePastTheSetting_isForgotten() {
    BrowsingStore store = store(1_000, Duration.ofHours(1));
    store.viewedProduct("v1", null, 3, 1_000);
    store.viewedProduct("v2", null, 3, 1_000);
    nanos.addAndGet(Duration.ofMinutes(40).toNanos());
    store.viewedProduct("v2", null, 4, 2_000); // v2 is active again
    nanos.addAndGet(Duration.ofMinutes(30).toNanos());

    assertThat(store.get("v1", null)).isSameAs(Browsing.EMPTY);
    assertThat(store.get("v2", null).productViewCount()).isEqualTo(2);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void customersAreBoundedToo_andLoginStillJoinsBrowsing() {
    BrowsingStore store = store(100, Duration.ofDays(90));
    store.viewedProduct("v1", null, 1, 10);
    store.login("v1", "c1");
    store.viewedProduct("v1", "c1", 2, 20);
    assertThat(store.get("v1", "c1").productViewCount()).isEqualTo(2);
    for (int i = 0; i < 5_000; i++) {
      store.viewedCategory("x", "c" + (i + 2), 1, 30 + i);
    }
    assertThat(store.size()).isLessThanOrEqualTo(100);
  }
}
