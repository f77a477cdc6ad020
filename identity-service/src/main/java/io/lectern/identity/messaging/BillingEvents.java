package io.lectern.identity.messaging;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.billing.SubscriptionActivated;
import io.lectern.contracts.events.billing.SubscriptionCancelled;
import io.lectern.contracts.events.billing.SubscriptionChanged;
import io.lectern.identity.account.Users;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the tier that goes into the next access token in step with billing. Each event carries the
 * subscription's version; an event older than the one applied (late, or redelivered) changes nothing.
 */
@Component
public class BillingEvents {

    private static final Logger log = LoggerFactory.getLogger(BillingEvents.class);
    private static final Set<String> TIERS = Set.of("free", "premium");

    private final Users users;

    BillingEvents(Users users) {
        this.users = users;
    }

    public void onActivated(SubscriptionActivated e, EventEnvelope envelope) {
        apply(e.userId(), e.tier(), e.version(), envelope);
    }

    public void onChanged(SubscriptionChanged e, EventEnvelope envelope) {
        apply(e.userId(), e.tier(), e.version(), envelope);
    }

    public void onCancelled(SubscriptionCancelled e, EventEnvelope envelope) {
        apply(e.userId(), "free", e.version(), envelope);
    }

    private void apply(UUID userId, String tier, long version, EventEnvelope envelope) {
        if (!TIERS.contains(tier)) {
            throw new IllegalArgumentException("unknown tier '" + tier + "' in event " + envelope.eventId());
        }
        if (!users.applyTier(userId, tier, version)) {
            log.info(
                    "Event {} ({}) for user {} changed nothing: user gone or newer version applied",
                    envelope.eventId(),
                    envelope.type(),
                    userId);
        }
    }
}
