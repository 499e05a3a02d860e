package io.smartlists.merchandising;

import java.time.Instant;

/**
 * One entry of the change history.
 *
 * @param version the configuration version this change produced
 * @param author who saved it
 * @param at when
 * @param change what changed
 */
public record Revision(long version, String author, Instant at, Change change) {}
