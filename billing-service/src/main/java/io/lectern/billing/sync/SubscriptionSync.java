package io.lectern.billing.sync;

import com.stripe.model.Subscription;
import io.lectern.billing.manual.ManualGrants;
import io.lectern.billing.stripe.Customers;
import io.lectern.billing.stripe.StripeGateway;
import io.lectern.billing.stripe.StripeSubscriptions;
import io.lectern.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hourly reconciliation, on one instance at a time (ShedLock on the database clock). Every known Stripe
 * customer's subscriptions are read from Stripe and applied, which repairs whatever a lost or refused
 * webhook left behind (applying a state we already have changes nothing); then manual grants past their
 * expiry are marked expired, which drops the tier. Safe to run again at any time.
 */
@Component
public class SubscriptionSync {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionSync.class);

    private final StripeGateway stripe;
    private final Customers customers;
    private final StripeSubscriptions stripeSubscriptions;
    private final ManualGrants grants;
    private final TransactionTemplate tx;
    private final Clock clock;

    SubscriptionSync(
            StripeGateway stripe,
            Customers customers,
            StripeSubscriptions stripeSubscriptions,
            ManualGrants grants,
            TransactionTemplate tx,
            Clock clock) {
        this.stripe = stripe;
        this.customers = customers;
        this.stripeSubscriptions = stripeSubscriptions;
        this.grants = grants;
        this.tx = tx;
        this.clock = clock;
    }

    public record Report(int customersChecked, int subscriptionsChanged, int customersFailed, int grantsExpired) {}

    @Scheduled(cron = "${lectern.billing.sync.cron}")
    @SchedulerLock(
            name = "billing-subscription-sync",
            lockAtMostFor = "PT30M",
            lockAtLeastFor = "${lectern.billing.sync.lock-at-least-for}")
    public void scheduled() {
        Report r = run();
        log.info("Subscription sync: {}", r);
    }

    /** One reconciliation pass (the scheduled job calls it under the lock). */
    public Report run() {
        int checked = 0;
        int changed = 0;
        int failed = 0;
        if (stripe.active()) {
            for (String customer : customers.all()) {
                checked++;
                try {
                    Instant observedAt = clock.instant();
                    List<Subscription> list = stripe.subscriptionsOf(customer);
                    for (Subscription s : list) {
                        Boolean c = tx.execute(status -> stripeSubscriptions
                                .apply(s, observedAt)
                                .map(o -> o == io.lectern.billing.subscription.Subscriptions.Outcome.CHANGED
                                        || o == io.lectern.billing.subscription.Subscriptions.Outcome.CREATED)
                                .orElse(false));
                        if (Boolean.TRUE.equals(c)) {
                            changed++;
                        }
                    }
                } catch (ProblemException e) {
                    failed++;
                    log.warn("Subscription sync could not check customer {}: {}", customer, e.getMessage());
                }
            }
        }
        int expired = grants.expireLapsed();
        return new Report(checked, changed, failed, expired);
    }
}
