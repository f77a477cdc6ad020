package io.lectern.billing.privacy;

import io.lectern.billing.stripe.Customers;
import io.lectern.billing.stripe.StripeGateway;
import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.identity.UserDeleted;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A deleted account stops paying and leaves nothing here (subscribed in {@code config.BillingSubscriptions}):
 * its Stripe customer is deleted, which cancels every subscription at once, then the user's customer
 * link and subscriptions (Stripe and manual) are removed. Stripe keeps the invoices, as the law wants.
 *
 * <p>The Stripe call happens before the rows go, in the event's transaction: if Stripe cannot be
 * reached the handler fails, nothing is removed, and the bus retries (then dead-letters) the event, so
 * an operator sees a deletion that could not stop a payment. If Stripe has been switched off while
 * the user still has a customer, the same happens: removing the link would leave a paying customer
 * nobody can find.
 */
@Component
public class AccountDeletion {

    private final Customers customers;
    private final StripeGateway stripe;
    private final JdbcClient jdbc;

    AccountDeletion(Customers customers, StripeGateway stripe, JdbcClient jdbc) {
        this.customers = customers;
        this.stripe = stripe;
        this.jdbc = jdbc;
    }

    public void onUserDeleted(UserDeleted e, EventEnvelope envelope) {
        Optional<String> customer = customers.customerOf(e.userId());
        if (customer.isPresent()) {
            if (!stripe.active()) {
                throw new IllegalStateException("user " + e.userId() + " has Stripe customer " + customer.get()
                        + " but Stripe is not configured: its subscriptions cannot be cancelled");
            }
            stripe.deleteCustomer(customer.get());
        }
        jdbc.sql("DELETE FROM subscriptions WHERE user_id = :u")
                .param("u", e.userId())
                .update();
        jdbc.sql("DELETE FROM customers WHERE user_id = :u")
                .param("u", e.userId())
                .update();
    }
}
