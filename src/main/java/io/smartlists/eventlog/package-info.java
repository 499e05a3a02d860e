/**
 * The durable event log: the {@link io.smartlists.host.SmartListsEventPublisher} that writes events
 * to {@code SL_EVENT} in the caller's transaction, and the tailer that every store node runs to
 * apply committed events to its signals, so several nodes behind a load balancer agree. Its table
 * migrates with it ({@code classpath:db/smartlists/eventlog}); plain classes, wired by {@code
 * io.smartlists.autoconfigure} from {@link io.smartlists.eventlog.EventLogSettings}.
 */
@NullMarked
package io.smartlists.eventlog;

import org.jspecify.annotations.NullMarked;
