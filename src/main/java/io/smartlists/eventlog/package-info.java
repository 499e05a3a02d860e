/**
 * The durable event log: the module's own Flyway schema ({@code classpath:db/smartlists}, history
 * table {@code SL_SCHEMA_HISTORY}), the {@link io.smartlists.host.SmartListsEventPublisher} that
 * writes events to {@code SL_EVENT} in the caller's transaction, and the tailer that every store
 * node runs to apply committed events to its signals, so several nodes behind a load balancer
 * agree.
 */
@NullMarked
package io.smartlists.eventlog;

import org.jspecify.annotations.NullMarked;
