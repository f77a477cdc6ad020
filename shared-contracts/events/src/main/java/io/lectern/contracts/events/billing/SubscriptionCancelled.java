package io.lectern.contracts.events.billing;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** The subscription ended: the user is back on the free tier. */
@EventType("billing.subscription-cancelled.v1")
public record SubscriptionCancelled(UUID userId, String subscriptionId, Instant endedAt, long version) {}
