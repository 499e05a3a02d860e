package io.smartlists.host;

import java.time.Instant;

/** The visitor signed in as this customer: browsing done before counts for the customer. */
public record CustomerLoggedIn(String visitorId, String customerId, Instant at)
    implements SmartListsEvent {}
