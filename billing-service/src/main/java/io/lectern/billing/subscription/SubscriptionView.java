package io.lectern.billing.subscription;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored subscription as the rest of the service reads it. */
public record SubscriptionView(
        String id,
        UUID userId,
        Provider provider,
        String plan,
        String status,
        @Nullable Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        @Nullable Instant endedAt,
        @Nullable String note,
        @Nullable UUID grantedBy,
        Instant createdAt) {

    public boolean entitled() {
        return SubscriptionStatus.entitled(status);
    }
}
