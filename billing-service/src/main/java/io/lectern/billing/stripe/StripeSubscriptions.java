package io.lectern.billing.stripe;

import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import io.lectern.billing.plan.PlanProperties.Plan;
import io.lectern.billing.plan.Plans;
import io.lectern.billing.subscription.Provider;
import io.lectern.billing.subscription.SubscriptionSnapshot;
import io.lectern.billing.subscription.Subscriptions;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a Stripe subscription (as just read from Stripe) into our snapshot and applies it. Since API
 * 2025-03-31 the period lives on the subscription's items; the plan is found by the item's price.
 */
@Component
public class StripeSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(StripeSubscriptions.class);

    private final Subscriptions subscriptions;
    private final Customers customers;
    private final Plans plans;

    StripeSubscriptions(Subscriptions subscriptions, Customers customers, Plans plans) {
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.plans = plans;
    }

    /** Applies {@code s}, read from Stripe at {@code observedAt}, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Subscriptions.Outcome> apply(Subscription s, Instant observedAt) {
        Optional<UUID> user = owner(s);
        if (user.isEmpty()) {
            log.warn(
                    "Stripe subscription {} of customer {} belongs to no user we know: ignored",
                    s.getId(),
                    s.getCustomer());
            return Optional.empty();
        }
        return Optional.of(subscriptions.apply(snapshot(s, user.get()), observedAt));
    }

    private Optional<UUID> owner(Subscription s) {
        if (s.getCustomer() != null) {
            Optional<UUID> known = customers.userOf(s.getCustomer());
            if (known.isPresent()) {
                return known;
            }
        }
        String fromMetadata = s.getMetadata() == null ? null : s.getMetadata().get("user_id");
        if (fromMetadata != null) {
            try {
                return Optional.of(UUID.fromString(fromMetadata));
            } catch (IllegalArgumentException e) {
                log.warn("Stripe subscription {} has a malformed user_id in its metadata", s.getId());
            }
        }
        return Optional.empty();
    }

    private SubscriptionSnapshot snapshot(Subscription s, UUID userId) {
        SubscriptionItem item = s.getItems() == null || s.getItems().getData().isEmpty()
                ? null
                : s.getItems().getData().getFirst();
        String priceId =
                item == null || item.getPrice() == null ? null : item.getPrice().getId();
        String plan = priceId == null
                ? Plans.PREMIUM
                : plans.byStripePrice(priceId).map(Plan::id).orElse(Plans.PREMIUM);
        return new SubscriptionSnapshot(
                s.getId(),
                userId,
                Provider.STRIPE,
                plan,
                s.getStatus(),
                epoch(item == null ? null : item.getCurrentPeriodEnd()),
                Boolean.TRUE.equals(s.getCancelAtPeriodEnd()),
                epoch(s.getEndedAt()),
                null,
                null);
    }

    private static @Nullable Instant epoch(@Nullable Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }
}
