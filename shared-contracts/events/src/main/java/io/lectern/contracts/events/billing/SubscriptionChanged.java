package io.lectern.contracts.events.billing;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** Plan, status or period of a subscription changed; {@code tier} is the tier the user has now. */
@EventType("billing.subscription-changed.v1")
public record SubscriptionChanged(
        UUID userId,
        String subscriptionId,
        String plan,
        String status,
        String tier,
        Instant currentPeriodEnd,
        long version) {}
