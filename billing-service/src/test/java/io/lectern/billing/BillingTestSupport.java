package io.lectern.billing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context most tests share: Stripe configured and played by {@link StripeStandIn}
 * (stripe-java pointed at it), checkout returning to a public site URL.
 */
public abstract class BillingTestSupport extends BillingTestBase {

    @DynamicPropertySource
    static void stripeStandIn(DynamicPropertyRegistry registry) {
        registry.add("lectern.billing.stripe.api-key", () -> StripeStandIn.API_KEY);
        registry.add("lectern.billing.stripe.webhook-secret", () -> StripeStandIn.WEBHOOK_SECRET);
        registry.add(
                "lectern.billing.stripe.api-base", () -> StripeStandIn.get().url());
        registry.add("lectern.billing.stripe.site-url", () -> "https://learn.example.org");
        registry.add("STRIPE_PRICE_MONTHLY", () -> StripeStandIn.MONTHLY_PRICE);
        registry.add("STRIPE_PRICE_YEARLY", () -> StripeStandIn.YEARLY_PRICE);
    }
}
