package io.lectern.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Instant;
import java.util.UUID;

/**
 * Stripe's API as far as billing uses it, played by WireMock (one per test JVM). Only Stripe's real
 * paths are stubbed; anything else is WireMock's 404. Ids are per test, so tests never see each other.
 */
public final class StripeStandIn {

    public static final String API_KEY = "sk_test_lectern";
    public static final String WEBHOOK_SECRET = "whsec_lectern_test";
    public static final String MONTHLY_PRICE = "price_monthly_test";
    public static final String YEARLY_PRICE = "price_yearly_test";

    private static StripeStandIn instance;

    public final WireMockServer server;

    private StripeStandIn() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    public static synchronized StripeStandIn get() {
        if (instance == null) {
            instance = new StripeStandIn();
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** POST /v1/customers for this user answers with {@code customerId}. */
    public void customerFor(UUID userId, String customerId) {
        server.stubFor(post(urlEqualTo("/v1/customers"))
                .withRequestBody(containing(userId.toString()))
                .willReturn(json("{\"id\":\"" + customerId + "\",\"object\":\"customer\",\"metadata\":{\"user_id\":\""
                        + userId + "\"}}")));
    }

    /** POST /v1/checkout/sessions for this customer answers with a session. */
    public void checkoutFor(String customerId, String sessionId) {
        server.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing(customerId))
                .willReturn(checkoutSession(customerId, sessionId)));
    }

    public static ResponseDefinitionBuilder checkoutSession(String customerId, String sessionId) {
        return json("{\"id\":\"" + sessionId + "\",\"object\":\"checkout.session\",\"mode\":\"subscription\","
                + "\"customer\":\"" + customerId + "\",\"url\":\"https://checkout.stripe.com/c/pay/" + sessionId
                + "\"}");
    }

    public void portalFor(String customerId) {
        server.stubFor(post(urlEqualTo("/v1/billing_portal/sessions"))
                .withRequestBody(containing(customerId))
                .willReturn(json("{\"id\":\"bps_" + customerId + "\",\"object\":\"billing_portal.session\","
                        + "\"customer\":\"" + customerId + "\",\"url\":\"https://billing.stripe.com/p/session/"
                        + customerId + "\"}")));
    }

    /** GET /v1/subscriptions/{id} answers with this state from now on. */
    public void subscription(String json) {
        String id = idOf(json);
        server.stubFor(WireMock.get(urlPathEqualTo("/v1/subscriptions/" + id)).willReturn(json(json)));
    }

    /** GET /v1/subscriptions?customer=... lists these subscriptions. */
    public void subscriptionsOf(String customerId, String... subscriptions) {
        server.stubFor(WireMock.get(urlPathEqualTo("/v1/subscriptions"))
                .withQueryParam("customer", com.github.tomakehurst.wiremock.client.WireMock.equalTo(customerId))
                .willReturn(json("{\"object\":\"list\",\"url\":\"/v1/subscriptions\",\"has_more\":false,\"data\":["
                        + String.join(",", subscriptions) + "]}")));
    }

    /** A Stripe subscription object as API 2026-07-29 returns it (the period is on the item). */
    public static String subscriptionJson(
            String id,
            String customerId,
            UUID userId,
            String status,
            String priceId,
            Instant periodEnd,
            boolean cancelAtPeriodEnd) {
        String endedAt =
                "canceled".equals(status) ? String.valueOf(Instant.now().getEpochSecond()) : "null";
        return "{\"id\":\"" + id + "\",\"object\":\"subscription\",\"customer\":\"" + customerId + "\","
                + "\"status\":\"" + status + "\",\"cancel_at_period_end\":" + cancelAtPeriodEnd + ","
                + "\"ended_at\":" + endedAt + ",\"created\":" + (periodEnd.getEpochSecond() - 2_592_000) + ","
                + "\"metadata\":{\"user_id\":\"" + userId + "\"},"
                + "\"items\":{\"object\":\"list\",\"has_more\":false,\"url\":\"/v1/subscription_items\",\"data\":[{"
                + "\"id\":\"si_" + id + "\",\"object\":\"subscription_item\",\"current_period_start\":"
                + (periodEnd.getEpochSecond() - 2_592_000) + ",\"current_period_end\":" + periodEnd.getEpochSecond()
                + ",\"price\":{\"id\":\"" + priceId + "\",\"object\":\"price\"}}]}}";
    }

    private static String idOf(String json) {
        int i = json.indexOf("\"id\":\"") + 6;
        return json.substring(i, json.indexOf('"', i));
    }
}
