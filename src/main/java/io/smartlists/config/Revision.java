package io.smartlists.config;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the change history.
 *
 * @param version the configuration version this change produced
 * @param author who saved it
 * @param at when
 * @param summaryKey message key of what changed, e.g. {@code sl.history.slotMoved}
 * @param summaryArgs its arguments, each {@code kind:value} ({@code list:SMART_CROSS_SELLING},
 *     {@code placement:CART}, {@code stage:B2B}, {@code text:...}) so the admin can translate them
 */
public record Revision(
    long version, String author, Instant at, String summaryKey, List<String> summaryArgs) {

  public Revision {
    summaryArgs = List.copyOf(summaryArgs);
  }
}
