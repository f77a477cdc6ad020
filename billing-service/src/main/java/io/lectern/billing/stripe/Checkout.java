package io.lectern.billing.stripe;

import io.lectern.billing.BillingProblem;
import io.lectern.billing.plan.PlanProperties.Plan;
import io.lectern.billing.plan.Plans;
import io.lectern.billing.subscription.Provider;
import io.lectern.billing.subscription.SubscriptionView;
import io.lectern.billing.subscription.Subscriptions;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Starts a purchase: the user's one Stripe customer (created at the first checkout), then a Checkout
 * Session whose idempotency key is derived from our request id, so a retried request (same
 * X-Request-Id) gets the session Stripe made the first time instead of a second one. A user who already
 * pays through Stripe is sent to the Customer Portal to change or cancel instead.
 */
@Component
public class Checkout {

    private final StripeGateway stripe;
    private final Customers customers;
    private final Subscriptions subscriptions;
    private final Plans plans;

    Checkout(StripeGateway stripe, Customers customers, Subscriptions subscriptions, Plans plans) {
        this.stripe = stripe;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.plans = plans;
    }

    public enum Kind {
        CHECKOUT,
        PORTAL
    }

    public record Started(Kind kind, String url, @Nullable String sessionId) {}

    public Started start(UUID userId, String planId, String requestId) {
        if (!stripe.active()) {
            throw BillingProblem.providerNotActive("stripe");
        }
        Plan plan = plans.find(planId)
                .filter(p -> p.stripePriceId() != null && !p.stripePriceId().isBlank())
                .orElseThrow(
                        () -> BillingProblem.invalid("plan", "'" + planId + "' is not a plan that can be bought."));
        Optional<SubscriptionView> current = subscriptions.ofUser(userId).stream()
                .filter(SubscriptionView::entitled)
                .findFirst();
        if (current.isPresent()) {
            Optional<String> customer = customers.customerOf(userId);
            if (current.get().provider() == Provider.STRIPE && customer.isPresent()) {
                return new Started(Kind.PORTAL, stripe.portalUrl(customer.get()), null);
            }
            throw BillingProblem.conflict("already-premium", "You already have premium access.");
        }
        String customer =
                customers.customerOf(userId).orElseGet(() -> customers.link(userId, stripe.createCustomer(userId)));
        String key = "lectern-checkout-" + userId + "-" + plan.id() + "-" + requestId;
        StripeGateway.CheckoutSession session =
                stripe.createCheckout(customer, plan.stripePriceId(), userId, plan.id(), key);
        return new Started(Kind.CHECKOUT, session.url(), session.id());
    }

    /** A Customer Portal session for a user who has a Stripe customer. */
    public String portal(UUID userId) {
        if (!stripe.active()) {
            throw BillingProblem.providerNotActive("stripe");
        }
        String customer = customers
                .customerOf(userId)
                .orElseThrow(
                        () -> BillingProblem.conflict("no-stripe-customer", "You have never paid through Stripe."));
        return stripe.portalUrl(customer);
    }
}
