package io.lectern.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Without the Stripe secrets in the environment the Stripe provider is off and manual grants still work. */
@TestPropertySource(properties = {"STRIPE_API_KEY=", "STRIPE_WEBHOOK_SECRET="})
class StripeNotConfiguredTest extends BillingTestBase {

    @Test
    void withoutStripeSecretsOnlyTheManualProviderIsActive() {
        Response plans = send("GET", "/api/v1/billing/plans", null);
        assertThat(plans.json().get("providers").get("stripe").asBoolean()).isFalse();
        assertThat(plans.json().get("providers").get("manual").asBoolean()).isTrue();
        assertThat(plans.json().get("plans").get(1).get("purchasable").asBoolean())
                .isFalse();

        UUID user = UUID.randomUUID();
        Response checkout = checkout(user, "monthly", id("req"));
        assertThat(checkout.status()).isEqualTo(409);
        assertThat(checkout.json().get("type").asString()).endsWith("/provider-not-active");
        Response webhook = deliver(event(id("evt"), "customer.subscription.created", "{\"id\":\"sub_x\"}"));
        assertThat(webhook.status()).isEqualTo(409);

        Response grant = send(
                "POST",
                "/api/v1/billing/admin/grants",
                "{\"userId\":\"" + user + "\",\"expiresAt\":\"" + Instant.now().plus(3, ChronoUnit.DAYS)
                        + "\",\"note\":\"no stripe here\"}",
                "Authorization",
                bearer(UUID.randomUUID(), "admin"));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        assertThat(eventTypes(user)).containsExactly("billing.subscription-activated.v1");
    }
}
