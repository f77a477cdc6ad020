package io.lectern.billing.manual;

import io.lectern.billing.BillingProblem;
import io.lectern.billing.plan.Plans;
import io.lectern.billing.subscription.Provider;
import io.lectern.billing.subscription.SubscriptionSnapshot;
import io.lectern.billing.subscription.SubscriptionStatus;
import io.lectern.billing.subscription.SubscriptionView;
import io.lectern.billing.subscription.Subscriptions;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Premium granted by an admin, with an expiry and a note, for sites without Stripe or beside it. A
 * grant is a subscription like any other, so the same events reach identity and notify. Times are the
 * database's, the clock the sync job expires grants by.
 */
@Component
public class ManualGrants {

    private static final Logger log = LoggerFactory.getLogger(ManualGrants.class);

    private final Subscriptions subscriptions;
    private final Plans plans;

    ManualGrants(Subscriptions subscriptions, Plans plans) {
        this.subscriptions = subscriptions;
        this.plans = plans;
    }

    /** Grants premium until {@code expiresAt}; an active grant of the same user is extended instead. */
    @Transactional
    public SubscriptionView grant(UUID userId, Instant expiresAt, String note, UUID admin) {
        if (!plans.manualEnabled()) {
            throw BillingProblem.providerNotActive("manual");
        }
        Instant now = subscriptions.databaseNow();
        if (!expiresAt.isAfter(now)) {
            throw BillingProblem.invalid("expiresAt", "expiresAt must be in the future.");
        }
        String id = subscriptions.ofUser(userId).stream()
                .filter(s -> s.provider() == Provider.MANUAL && s.entitled())
                .map(SubscriptionView::id)
                .findFirst()
                .orElse("man_" + UUID.randomUUID());
        subscriptions.apply(
                new SubscriptionSnapshot(
                        id,
                        userId,
                        Provider.MANUAL,
                        Plans.MANUAL,
                        SubscriptionStatus.ACTIVE,
                        expiresAt,
                        true,
                        null,
                        note,
                        admin),
                now);
        log.info("Admin {} granted premium to user {} until {} ({})", admin, userId, expiresAt, id);
        return subscriptions.find(id).orElseThrow();
    }

    @Transactional
    public SubscriptionView revoke(String id, String note, UUID admin) {
        SubscriptionView s = subscriptions
                .find(id)
                .filter(v -> v.provider() == Provider.MANUAL)
                .orElseThrow(() -> BillingProblem.notFound("The manual grant " + id));
        if (!s.entitled()) {
            throw BillingProblem.conflict("grant-not-active", "The grant " + id + " has already ended.");
        }
        Instant now = subscriptions.databaseNow();
        subscriptions.apply(
                new SubscriptionSnapshot(
                        id,
                        s.userId(),
                        Provider.MANUAL,
                        s.plan(),
                        SubscriptionStatus.CANCELED,
                        now,
                        false,
                        now,
                        note,
                        s.grantedBy()),
                now);
        log.info("Admin {} revoked grant {} of user {}", admin, id, s.userId());
        return subscriptions.find(id).orElseThrow();
    }

    /** Marks every grant whose expiry has passed as expired; returns how many. */
    @Transactional
    public int expireLapsed() {
        Instant now = subscriptions.databaseNow();
        int n = 0;
        for (SubscriptionView s : subscriptions.lapsedManualGrants()) {
            subscriptions.apply(
                    new SubscriptionSnapshot(
                            s.id(),
                            s.userId(),
                            Provider.MANUAL,
                            s.plan(),
                            SubscriptionStatus.EXPIRED,
                            s.currentPeriodEnd(),
                            false,
                            s.currentPeriodEnd(),
                            null,
                            s.grantedBy()),
                    now);
            n++;
        }
        return n;
    }
}
