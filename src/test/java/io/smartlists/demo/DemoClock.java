package io.smartlists.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The reference store's clock: the system clock, moved back by an offset only while the traffic
 * replay ({@link DemoTrafficReplay}) plays a shopper's visit on an earlier day, so the Statistics
 * screen's chart spreads the replayed visits over the last 30 days. Store, module and engine all
 * read it (the module uses the application's {@link Clock} bean when there is one).
 */
public final class DemoClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** Moves the clock {@code back} into the past; {@link Duration#ZERO} puts it right again. */
  void setOffset(Duration back) {
    this.offset = back;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset.negated());
  }

  @Override
  public Instant instant() {
    return Instant.now().minus(offset);
  }
}
