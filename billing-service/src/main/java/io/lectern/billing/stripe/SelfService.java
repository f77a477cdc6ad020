package io.lectern.billing.stripe;

import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import io.lectern.billing.BillingProblem;
import io.lectern.billing.subscription.Provider;
import io.lectern.billing.subscription.SubscriptionView;
import io.lectern.billing.subscription.Subscriptions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a subscriber does to their own Stripe subscription: cancel at the end of the period, take that
 * back, and read their invoices. The state Stripe answers with is applied at once (the webhook that
 * follows then changes nothing).
 */
@Component
public class SelfService {

    private final StripeGateway stripe;
    private final Customers customers;
    private final Subscriptions subscriptions;
    private final StripeSubscriptions stripeSubscriptions;
    private final TransactionTemplate tx;
    private final Clock clock;

    SelfService(
            StripeGateway stripe,
            Customers customers,
            Subscriptions subscriptions,
            StripeSubscriptions stripeSubscriptions,
            TransactionTemplate tx,
            Clock clock) {
        this.stripe = stripe;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.stripeSubscriptions = stripeSubscriptions;
        this.tx = tx;
        this.clock = clock;
    }

    public SubscriptionView setCancelAtPeriodEnd(UUID userId, boolean cancel) {
        SubscriptionView current = subscriptions.ofUser(userId).stream()
                .filter(s -> s.entitled() && s.provider() == Provider.STRIPE)
                .findFirst()
                .orElseThrow(() -> BillingProblem.conflict(
                        "no-active-subscription", "You have no active paid subscription to change."));
        Instant observedAt = clock.instant();
        Subscription updated = stripe.setCancelAtPeriodEnd(current.id(), cancel);
        tx.executeWithoutResult(s -> stripeSubscriptions.apply(updated, observedAt));
        return subscriptions.find(current.id()).orElseThrow();
    }

    public record InvoiceLine(
            String id,
            @Nullable String number,
            @Nullable String status,
            long amountDue,
            long amountPaid,
            String currency,
            Instant created,
            @Nullable String hostedInvoiceUrl,
            @Nullable String invoicePdf) {}

    public List<InvoiceLine> invoices(UUID userId) {
        if (!stripe.active()) {
            return List.of();
        }
        return customers
                .customerOf(userId)
                .map(c -> stripe.invoices(c).stream().map(SelfService::line).toList())
                .orElse(List.of());
    }

    private static InvoiceLine line(Invoice i) {
        return new InvoiceLine(
                i.getId(),
                i.getNumber(),
                i.getStatus(),
                i.getAmountDue() == null ? 0 : i.getAmountDue(),
                i.getAmountPaid() == null ? 0 : i.getAmountPaid(),
                i.getCurrency() == null ? "usd" : i.getCurrency(),
                Instant.ofEpochSecond(i.getCreated() == null ? 0 : i.getCreated()),
                i.getHostedInvoiceUrl(),
                i.getInvoicePdf());
    }
}
