package io.smartlists.engine.model;

/**
 * Rules that apply to every widget and every list.
 *
 * @param bestsellerWindowDays bestseller ranks count units sold over this trailing window
 * @param bestsellerHalfLifeDays exponential time decay of those units (a sale this many days old
 *     counts half)
 * @param newArrivalMaxAgeDays new arrivals are at most this old
 * @param excludeAlreadyBought hide products the customer bought before (not in reminders)
 * @param allowRepeatBuy still show already-bought products that customers typically re-buy
 */
public record GlobalRules(
    int bestsellerWindowDays,
    int bestsellerHalfLifeDays,
    int newArrivalMaxAgeDays,
    boolean excludeAlreadyBought,
    boolean allowRepeatBuy) {

  public static final GlobalRules DEFAULT = new GlobalRules(90, 30, 60, true, false);
}
