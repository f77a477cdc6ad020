package io.lectern.contracts.events.billing;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A user's paid subscription became active: their tier is {@code tier} until {@code currentPeriodEnd}. */
@EventType("billing.subscription-activated.v1")
public record SubscriptionActivated(
        UUID userId, String subscriptionId, String plan, String tier, Instant currentPeriodEnd, long version) {}
