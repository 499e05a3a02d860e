package io.smartlists.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the figures read. {@link JdbcStatsQueries} computes everything from the raw rows ({@code
 * SL_STAT_*}) and the event log's orders; the hourly roll-ups replace the three counting queries
 * without changing the figures (counts per UTC day and list × stage × placement).
 */
public interface StatsQueries {

  /** A count for one UTC day and one list × stage × placement. */
  record Count(LocalDate day, Attribution.SlotKey slot, long count) {}

  /** A shopper seen in an arm: the first impression of a (visitor, customer, arm) in the range. */
  record Exposure(String visitorId, @Nullable String customerId, Arm arm, Instant first) {}

  /** Slot impressions of {@code arm} in [from, to). */
  List<Count> impressions(Instant from, Instant to, Arm arm);

  /** Distinct accepted click tokens in [from, to). */
  List<Count> clicks(Instant from, Instant to);

  /** Distinct clicks whose product was then added to the cart, by the add's time in [from, to). */
  List<Count> cartAdds(Instant from, Instant to);

  /**
   * Accepted clicks in [from, to), one per token (its first recording), at least those of the
   * shoppers with an order in [from, to): attribution needs no other (an implementation may skip
   * them).
   */
  List<Attribution.Click> clickDetails(Instant from, Instant to);

  /** Orders confirmed in [from, to), from the event log. */
  List<Attribution.Order> orders(Instant from, Instant to);

  /** The shoppers who had an impression in [from, to), per arm. */
  List<Exposure> exposures(Instant from, Instant to);
}
