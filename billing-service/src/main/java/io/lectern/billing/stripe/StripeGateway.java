package io.lectern.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.lectern.billing.BillingProblem;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call billing makes to Stripe, with one translation of Stripe's failures: unreachable, too slow,
 * rate-limited or failing on its side becomes a 503 problem (retry later); a refusal becomes a 502.
 * When Stripe is not configured the gateway exists but is inactive and every call is a 409.
 */
public class StripeGateway {

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

    private final @Nullable StripeClient client;
    private final StripeProperties props;

    public StripeGateway(@Nullable StripeClient client, StripeProperties props) {
        this.client = client;
        this.props = props;
    }

    public boolean active() {
        return client != null;
    }

    /** Creates the user's Stripe customer; the idempotency key makes a repeated call return the same one. */
    String createCustomer(UUID userId) {
        return call(
                "create customer",
                c -> c.v1().customers()
                        .create(
                                CustomerCreateParams.builder()
                                        .putMetadata("user_id", userId.toString())
                                        .build(),
                                RequestOptions.builder()
                                        .setIdempotencyKey("lectern-customer-" + userId)
                                        .build())
                        .getId());
    }

    record CheckoutSession(String id, String url) {}

    CheckoutSession createCheckout(
            String customerId, String priceId, UUID userId, String planId, String idempotencyKey) {
        String site = props.siteUrl().replaceAll("/+$", "");
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customerId)
                .setClientReferenceId(userId.toString())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(priceId)
                        .setQuantity(1L)
                        .build())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("user_id", userId.toString())
                        .putMetadata("plan", planId)
                        .build())
                .putMetadata("user_id", userId.toString())
                .setSuccessUrl(site + "/account/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}")
                .setCancelUrl(site + "/account/billing?checkout=cancelled")
                .build();
        return call("create checkout session", c -> {
            com.stripe.model.checkout.Session s = c.v1().checkout()
                    .sessions()
                    .create(
                            params,
                            RequestOptions.builder()
                                    .setIdempotencyKey(idempotencyKey)
                                    .build());
            return new CheckoutSession(s.getId(), s.getUrl());
        });
    }

    String portalUrl(String customerId) {
        com.stripe.param.billingportal.SessionCreateParams.Builder params =
                com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId)
                        .setReturnUrl(props.siteUrl().replaceAll("/+$", "") + "/account/billing");
        if (!props.portalConfiguration().isBlank()) {
            params.setConfiguration(props.portalConfiguration());
        }
        return call(
                "create portal session",
                c -> c.v1().billingPortal().sessions().create(params.build()).getUrl());
    }

    /** The subscription as Stripe has it now; empty when Stripe does not know the id (e.g. a dashboard test event). */
    public Optional<Subscription> subscription(String id) {
        return call("retrieve subscription", c -> {
            try {
                return Optional.of(c.v1().subscriptions().retrieve(id));
            } catch (InvalidRequestException e) {
                if (Integer.valueOf(404).equals(e.getStatusCode())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Every subscription of a customer, whatever its status (the sync job's view of the truth). */
    public List<Subscription> subscriptionsOf(String customerId) {
        return call(
                "list subscriptions",
                c -> c.v1().subscriptions()
                        .list(SubscriptionListParams.builder()
                                .setCustomer(customerId)
                                .setStatus(SubscriptionListParams.Status.ALL)
                                .setLimit(100L)
                                .build())
                        .getData());
    }

    public Subscription setCancelAtPeriodEnd(String subscriptionId, boolean cancel) {
        return call(
                "update subscription",
                c -> c.v1().subscriptions()
                        .update(
                                subscriptionId,
                                SubscriptionUpdateParams.builder()
                                        .setCancelAtPeriodEnd(cancel)
                                        .build()));
    }

    /**
     * Deletes the Stripe customer, which also cancels its subscriptions at once (Stripe keeps the
     * invoices for the books). A customer Stripe no longer knows counts as deleted, so a retry is safe.
     */
    public void deleteCustomer(String customerId) {
        call("delete customer", c -> {
            try {
                c.v1().customers()
                        .delete(
                                customerId,
                                RequestOptions.builder()
                                        .setIdempotencyKey("lectern-delete-" + customerId)
                                        .build());
            } catch (InvalidRequestException e) {
                if (!Integer.valueOf(404).equals(e.getStatusCode())) {
                    throw e;
                }
            }
            return Boolean.TRUE;
        });
    }

    public List<Invoice> invoices(String customerId) {
        return call(
                "list invoices",
                c -> c.v1().invoices()
                        .list(InvoiceListParams.builder()
                                .setCustomer(customerId)
                                .setLimit(50L)
                                .build())
                        .getData());
    }

    private interface StripeCall<T> {
        T run(StripeClient client) throws StripeException;
    }

    private <T> T call(String what, StripeCall<T> call) {
        StripeClient c = client;
        if (c == null) {
            throw BillingProblem.providerNotActive("stripe");
        }
        try {
            return call.run(c);
        } catch (ApiConnectionException | RateLimitException | ApiException e) {
            log.warn("Stripe unavailable ({}): {}", what, e.getMessage());
            throw BillingProblem.providerUnavailable(
                    "Stripe could not be reached or failed; nothing was changed. Try again shortly.");
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            if (status != null && status >= 500) {
                log.warn("Stripe failed ({}): {} {}", what, status, e.getMessage());
                throw BillingProblem.providerUnavailable(
                        "Stripe failed on its side; nothing was changed. Try again shortly.");
            }
            log.error("Stripe refused ({}): {} {} (request {})", what, status, e.getMessage(), e.getRequestId());
            throw BillingProblem.providerRejected("Stripe refused the request (" + e.getCode() + ").");
        }
    }
}
