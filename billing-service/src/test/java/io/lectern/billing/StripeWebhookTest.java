package io.lectern.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Stripe's webhook: signatures, duplicates, concurrency, arrival order and failed processing. */
class StripeWebhookTest extends BillingTestSupport {

    private final Instant periodEnd = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private record Paid(UUID user, String customer, String subscription, String subscriptionJson) {}

    /** A user whose checkout created a customer, and an active subscription the stand-in reports. */
    private Paid paidUser() {
        UUID user = UUID.randomUUID();
        String customer = customerAfterCheckout(user);
        String sub = id("sub");
        String json = StripeStandIn.subscriptionJson(
                sub, customer, user, "active", StripeStandIn.MONTHLY_PRICE, periodEnd, false);
        stripe.subscription(json);
        return new Paid(user, customer, sub, json);
    }

    @Test
    void badSignatureStaleTimestampEditedBodyAndMissingHeaderAre400WithNoEffect() {
        Paid p = paidUser();
        String eventId = id("evt");
        String payload = event(eventId, "customer.subscription.created", p.subscriptionJson());

        Response wrongSecret = deliver(payload, "whsec_someone_else", Instant.now());
        Response stale =
                deliver(payload, StripeStandIn.WEBHOOK_SECRET, Instant.now().minusSeconds(301));
        String signedHeader;
        try {
            signedHeader =
                    com.stripe.net.Webhook.Signature.generateSignatureHeader(payload, StripeStandIn.WEBHOOK_SECRET);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Response edited = deliverWithHeader(payload.replace("\"active\"", "\"trialing\""), signedHeader);
        Response missing = deliverWithHeader(payload, null);

        for (Response r : List.of(wrongSecret, stale, edited, missing)) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("type").asString()).endsWith("/invalid-signature");
        }
        assertThat(processedEvents(eventId)).isZero();
        assertThat(status(p.subscription())).isNull();
        assertThat(eventTypes(p.user())).isEmpty();

        // the untouched body with the header Stripe made for it is accepted
        Response good = deliverWithHeader(payload, signedHeader);
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(status(p.subscription())).isEqualTo("active");
    }

    @Test
    void theSameEventTwiceAndTenTimesConcurrentlyHasExactlyOneEffectAndOneOutgoingEvent() throws Exception {
        Paid p = paidUser();
        String payload = event(id("evt"), "customer.subscription.created", p.subscriptionJson());
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Callable<Response> delivery = () -> {
                start.await();
                return deliver(payload);
            };
            futures.add(pool.submit(delivery));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<Response> f : futures) {
            Response r = f.get();
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            results.add(r.json().get("result").asString());
        }
        pool.shutdown();
        assertThat(results).containsOnlyOnce("APPLIED").containsOnly("APPLIED", "DUPLICATE");

        Response again = deliver(payload);
        assertThat(again.json().get("result").asString()).isEqualTo("DUPLICATE");

        assertThat(status(p.subscription())).isEqualTo("active");
        assertThat(eventTypes(p.user())).containsExactly("billing.subscription-activated.v1");
        var activated = events(p.user()).getFirst().getValue();
        assertThat(activated.get("tier").asString()).isEqualTo("premium");
        assertThat(activated.get("plan").asString()).isEqualTo("monthly");
        assertThat(activated.get("currentPeriodEnd").asString()).isEqualTo(periodEnd.toString());
    }

    @Test
    void subscriptionDeletedArrivingBeforeCreatedEndsCancelledAndNeverGrantsPremium() {
        Paid p = paidUser();
        String cancelled = StripeStandIn.subscriptionJson(
                p.subscription(), p.customer(), p.user(), "canceled", StripeStandIn.MONTHLY_PRICE, periodEnd, false);
        // Stripe's current state: the subscription was created and then deleted; the events arrive backwards.
        stripe.subscription(cancelled);

        assertThat(deliver(event(id("evt"), "customer.subscription.deleted", cancelled))
                        .status())
                .isEqualTo(200);
        assertThat(deliver(event(id("evt"), "customer.subscription.created", p.subscriptionJson()))
                        .status())
                .isEqualTo(200);

        assertThat(status(p.subscription())).isEqualTo("canceled");
        assertThat(eventTypes(p.user())).isEmpty();
        Response me = send("GET", "/api/v1/billing/subscription", null, "Authorization", bearer(p.user()));
        assertThat(me.json().get("tier").asString()).isEqualTo("free");
    }

    @Test
    void aLateUpdatedSnapshotAfterDeletionDoesNotRevivePremium() {
        Paid p = paidUser();
        deliver(event(id("evt"), "customer.subscription.created", p.subscriptionJson()));
        String cancelled = StripeStandIn.subscriptionJson(
                p.subscription(), p.customer(), p.user(), "canceled", StripeStandIn.MONTHLY_PRICE, periodEnd, false);
        stripe.subscription(cancelled);
        deliver(event(id("evt"), "customer.subscription.deleted", cancelled));
        // an "updated" event written while it was still active, delivered last
        deliver(event(id("evt"), "customer.subscription.updated", p.subscriptionJson()));

        assertThat(status(p.subscription())).isEqualTo("canceled");
        assertThat(eventTypes(p.user()))
                .containsExactly("billing.subscription-activated.v1", "billing.subscription-cancelled.v1");
    }

    @Test
    void checkoutCompletedActivatesFromTheSubscriptionStripeReports() {
        Paid p = paidUser();
        String session = "{\"id\":\"" + id("cs") + "\",\"object\":\"checkout.session\",\"mode\":\"subscription\","
                + "\"payment_status\":\"paid\",\"client_reference_id\":\"" + p.user() + "\",\"customer\":\""
                + p.customer() + "\",\"subscription\":\"" + p.subscription() + "\"}";
        Response r = deliver(event(id("evt"), "checkout.session.completed", session));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(status(p.subscription())).isEqualTo("active");
        assertThat(eventTypes(p.user())).containsExactly("billing.subscription-activated.v1");
    }

    @Test
    void invoicePaymentFailedMarksPastDueAndAnnouncesTheChange() {
        Paid p = paidUser();
        deliver(event(id("evt"), "customer.subscription.created", p.subscriptionJson()));
        stripe.subscription(StripeStandIn.subscriptionJson(
                p.subscription(), p.customer(), p.user(), "past_due", StripeStandIn.MONTHLY_PRICE, periodEnd, false));
        String invoice = "{\"id\":\"" + id("in") + "\",\"object\":\"invoice\",\"customer\":\"" + p.customer()
                + "\",\"parent\":{\"type\":\"subscription_details\",\"subscription_details\":{\"subscription\":\""
                + p.subscription() + "\"}}}";
        assertThat(deliver(event(id("evt"), "invoice.payment_failed", invoice)).status())
                .isEqualTo(200);

        assertThat(status(p.subscription())).isEqualTo("past_due");
        var changed = events(p.user()).getLast();
        assertThat(changed.getKey()).isEqualTo("billing.subscription-changed.v1");
        assertThat(changed.getValue().get("status").asString()).isEqualTo("past_due");
        assertThat(changed.getValue().get("tier").asString()).isEqualTo("premium");
    }

    @Test
    void eventTypesWeDoNotHandleAreAcknowledgedAndIgnored() {
        String eventId = id("evt");
        Response r = deliver(event(eventId, "charge.refunded", "{\"id\":\"ch_1\",\"object\":\"charge\"}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("result").asString()).isEqualTo("IGNORED");
        assertThat(processedEvents(eventId)).isZero();
    }

    @Test
    void aWebhookWhoseProcessingFailsIs5xxAndStripesRetryAppliesItOnce() {
        Paid p = paidUser();
        stripe.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                "/v1/subscriptions/" + p.subscription()))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(500)
                        .withHeader("Stripe-Should-Retry", "false")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));
        String eventId = id("evt");
        String payload = event(eventId, "customer.subscription.created", p.subscriptionJson());

        Response failed = deliver(payload);
        assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);
        assertThat(processedEvents(eventId)).isZero();
        assertThat(status(p.subscription())).isNull();
        assertThat(eventTypes(p.user())).isEmpty();

        stripe.subscription(p.subscriptionJson());
        Response retry = deliver(payload);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("result").asString()).isEqualTo("APPLIED");
        assertThat(deliver(payload).json().get("result").asString()).isEqualTo("DUPLICATE");
        assertThat(processedEvents(eventId)).isEqualTo(1);
        assertThat(eventTypes(p.user())).containsExactly("billing.subscription-activated.v1");
    }

    @Test
    void anEventAboutASubscriptionStripeDoesNotKnowIsRecordedWithoutEffect() {
        String sub = id("sub");
        stripe.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/subscriptions/" + sub))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                                + "\"message\":\"No such subscription\"}}")));
        String eventId = id("evt");
        String invoice = "{\"id\":\"in_test\",\"object\":\"invoice\",\"subscription\":\"" + sub + "\"}";

        Response r = deliver(event(eventId, "invoice.paid", invoice));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(processedEvents(eventId)).isEqualTo(1);
        assertThat(status(sub)).isNull();
    }
}
