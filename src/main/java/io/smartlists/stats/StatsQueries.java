package io.smartlists.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the figures read. {@link JdbcStatsQueries} computes everything from the raw rows ({@code
 * SL_STAT_*}) and the orders' figures ({@code SL_STAT_ORDER}, kept by {@link StatOrders} beside the
 * event log's order events); the hourly roll-ups replace the three counting queries without
 * changing the figures (counts per UTC day and list × stage × placement).
 */
public interface StatsQueries {

  /** A count for one UTC day and one list × stage × placement. */
  record Count(LocalDate day, Attribution.SlotKey slot, long count) {}

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

  /**
   * The orders confirmed in [from, to) as they stand now (cancelled ones left out, returned units
   * deducted), at least those whose visitor or customer has a click in [clicksFrom, to):
   * attribution needs no other (an implementation may skip them).
   */
  List<Attribution.Order> orders(Instant from, Instant to, Instant clicksFrom);

  /**
   * The holdout comparison's shoppers over the impressions of [from, to): a shopper is the customer
   * when the visitor was signed in on any of its impressions in the range (so anonymous browsing
   * before sign-in and the signed-in visit are one shopper; a visitor seen with several customers
   * joins the smallest id when anonymous), else the visitor; the shopper is compared in the arm of
   * their first impression (the exposed arm on a tie); their standing orders confirmed in [from,
   * to) from that impression on count.
   */
  HoldoutAnalysis.Sample holdout(Instant from, Instant to);
}
