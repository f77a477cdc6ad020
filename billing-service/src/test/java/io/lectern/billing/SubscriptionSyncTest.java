package io.lectern.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.billing.sync.SubscriptionSync;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hourly reconciliation repairs what webhooks missed. */
class SubscriptionSyncTest extends BillingTestSupport {

    @Autowired
    SubscriptionSync sync;

    @Test
    void theSyncJobRepairsASubscriptionWhoseWebhookNeverCame() {
        UUID user = UUID.randomUUID();
        String customer = customerAfterCheckout(user);
        String sub = id("sub");
        Instant end = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // The user paid; Stripe knows, but no webhook ever reached us.
        stripe.subscriptionsOf(
                customer,
                StripeStandIn.subscriptionJson(sub, customer, user, "active", StripeStandIn.YEARLY_PRICE, end, false));
        assertThat(status(sub)).isNull();

        sync.scheduled();

        assertThat(status(sub)).isEqualTo("active");
        assertThat(eventTypes(user)).containsExactly("billing.subscription-activated.v1");
        assertThat(events(user).getFirst().getValue().get("plan").asString()).isEqualTo("yearly");

        // running it again changes nothing and announces nothing
        // (customers of other tests have no stand-in answer and count as failed; that is not this one)
        SubscriptionSync.Report again = sync.run();
        assertThat(again.customersChecked()).isGreaterThanOrEqualTo(1);
        assertThat(eventTypes(user)).hasSize(1);

        // Stripe ended it, and the deletion webhook was lost too: the next run drops the tier
        stripe.subscriptionsOf(
                customer,
                StripeStandIn.subscriptionJson(
                        sub, customer, user, "canceled", StripeStandIn.YEARLY_PRICE, end, false));
        sync.run();
        assertThat(status(sub)).isEqualTo("canceled");
        assertThat(eventTypes(user))
                .containsExactly("billing.subscription-activated.v1", "billing.subscription-cancelled.v1");
    }
}
