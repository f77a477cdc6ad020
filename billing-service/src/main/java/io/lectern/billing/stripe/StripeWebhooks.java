package io.lectern.billing.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Subscription;
import com.stripe.net.Webhook;
import io.lectern.billing.BillingProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook deliveries. The raw body's signature and timestamp are checked first (400 and no
 * effect otherwise). An event about a subscription never trusts its own snapshot: the subscription is
 * read from Stripe again and that current state is applied, so duplicates, retries and any arrival
 * order end in the same state. The event id is recorded in the transaction that applies the effect: a
 * second delivery (even a concurrent one) finds it and does nothing, and a failure leaves no record, so
 * Stripe's retry applies it once.
 */
@Component
public class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    static final Set<String> HANDLED = Set.of(
            "checkout.session.completed",
            "customer.subscription.created",
            "customer.subscription.updated",
            "customer.subscription.deleted",
            "invoice.paid",
            "invoice.payment_failed");

    private final StripeProperties props;
    private final StripeGateway stripe;
    private final StripeSubscriptions stripeSubscriptions;
    private final Customers customers;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeWebhooks(
            StripeProperties props,
            StripeGateway stripe,
            StripeSubscriptions stripeSubscriptions,
            Customers customers,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock) {
        this.props = props;
        this.stripe = stripe;
        this.stripeSubscriptions = stripeSubscriptions;
        this.customers = customers;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    public enum Result {
        APPLIED,
        DUPLICATE,
        IGNORED
    }

    public Result receive(String payload, @Nullable String signature) {
        if (!stripe.active()) {
            throw BillingProblem.providerNotActive("stripe");
        }
        if (signature == null || signature.isBlank()) {
            throw BillingProblem.invalidSignature("The Stripe-Signature header is missing.");
        }
        try {
            Webhook.Signature.verifyHeader(
                    payload,
                    signature,
                    props.webhookSecret(),
                    props.webhookTolerance().toSeconds(),
                    clock);
        } catch (SignatureVerificationException e) {
            log.warn("Refused a webhook delivery: {}", e.getMessage());
            throw BillingProblem.invalidSignature(
                    "The signature does not match the body, or its timestamp is outside the tolerance.");
        }
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JacksonException e) {
            throw BillingProblem.invalid("body", "The body is not a Stripe event.");
        }
        String eventId = text(event, "id");
        String type = text(event, "type");
        if (eventId == null || type == null) {
            throw BillingProblem.invalid("body", "The event has no id or type.");
        }
        if (!HANDLED.contains(type)) {
            return Result.IGNORED;
        }
        if (processed(eventId)) {
            return Result.DUPLICATE;
        }
        JsonNode object = event.path("data").path("object");
        String subscriptionId = subscriptionIdOf(type, object);
        UUID checkoutUser = "checkout.session.completed".equals(type) ? userOf(object) : null;
        String checkoutCustomer = text(object, "customer");
        // Read outside the transaction: no connection is held while Stripe answers.
        Instant observedAt = clock.instant();
        Subscription current = subscriptionId == null
                ? null
                : stripe.subscription(subscriptionId).orElse(null);
        if (subscriptionId != null && current == null) {
            log.warn(
                    "Stripe event {} ({}) names subscription {}, which Stripe does not know: recorded, no effect",
                    eventId,
                    type,
                    subscriptionId);
        }
        Boolean applied = tx.execute(status -> {
            int fresh = jdbc.sql(
                            "INSERT INTO processed_events (event_id, type) VALUES (:id, :type) ON CONFLICT DO NOTHING")
                    .param("id", eventId)
                    .param("type", type)
                    .update();
            if (fresh == 0) {
                return false;
            }
            if (checkoutUser != null && checkoutCustomer != null) {
                customers.link(checkoutUser, checkoutCustomer);
            }
            if (current != null) {
                stripeSubscriptions.apply(current, observedAt);
            }
            return true;
        });
        log.info(
                "Stripe event {} ({}) {}", eventId, type, Boolean.TRUE.equals(applied) ? "applied" : "was a duplicate");
        return Boolean.TRUE.equals(applied) ? Result.APPLIED : Result.DUPLICATE;
    }

    private boolean processed(String eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM processed_events WHERE event_id = :id)")
                .param("id", eventId)
                .query(Boolean.class)
                .single();
    }

    private static @Nullable String subscriptionIdOf(String type, JsonNode object) {
        if (type.startsWith("customer.subscription.")) {
            return text(object, "id");
        }
        if (type.startsWith("invoice.")) {
            // API 2025-03-31 and later: parent.subscription_details.subscription; older: subscription
            String nested = text(object.path("parent").path("subscription_details"), "subscription");
            return nested != null ? nested : text(object, "subscription");
        }
        if ("subscription".equals(text(object, "mode"))) {
            return text(object, "subscription");
        }
        return null;
    }

    private static @Nullable UUID userOf(JsonNode session) {
        String ref = text(session, "client_reference_id");
        if (ref == null) {
            return null;
        }
        try {
            return UUID.fromString(ref);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString()) {
            return null;
        }
        return v.asString();
    }
}
