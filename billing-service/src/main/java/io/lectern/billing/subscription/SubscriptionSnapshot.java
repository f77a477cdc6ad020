package io.lectern.billing.subscription;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subscription's state as a provider reports it at one moment; what {@link Subscriptions#apply} stores. */
public record SubscriptionSnapshot(
        String id,
        UUID userId,
        Provider provider,
        String plan,
        String status,
        @Nullable Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        @Nullable Instant endedAt,
        @Nullable String note,
        @Nullable UUID grantedBy) {}
