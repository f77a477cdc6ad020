package io.lectern.billing;

import com.stripe.net.Webhook;
import io.lectern.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers of the integration tests (real PostgreSQL and Redis of this run): HTTP calls, webhooks signed
 * here with Stripe's own signing scheme, and the outbox as the record of outgoing events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BillingTestBase {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected final StripeStandIn stripe = StripeStandIn.get();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    protected Response send(String method, String path, String body, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30));
            if (headers.length > 0) {
                b.headers(headers);
            }
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String bearer(UUID user, String... roles) {
        return "Bearer " + TestTokens.get().token(user, roles);
    }

    protected Response checkout(UUID user, String plan, String requestId) {
        return send(
                "POST",
                "/api/v1/billing/checkout",
                "{\"plan\":\"" + plan + "\"}",
                "Authorization",
                bearer(user),
                "X-Request-Id",
                requestId);
    }

    /** Delivers {@code payload} to the webhook signed as Stripe signs it, at {@code signedAt}. */
    protected Response deliver(String payload, String secret, Instant signedAt) {
        try {
            String header = Webhook.Signature.generateSignatureHeader(payload, secret, signedAt.getEpochSecond());
            return deliverWithHeader(payload, header);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected Response deliver(String payload) {
        return deliver(payload, StripeStandIn.WEBHOOK_SECRET, Instant.now());
    }

    protected Response deliverWithHeader(String payload, String header) {
        return header == null
                ? send("POST", "/api/v1/billing/webhook", payload)
                : send("POST", "/api/v1/billing/webhook", payload, "Stripe-Signature", header);
    }

    /** A Stripe event envelope around {@code object}. */
    protected static String event(String eventId, String type, String object) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"" + type
                + "\",\"data\":{\"object\":" + object + "}}";
    }

    protected static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Billing events in the outbox about a user, oldest first, as (type, payload). */
    protected List<Map.Entry<String, JsonNode>> events(UUID user) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        jdbc.sql("SELECT type, payload::text FROM outbox WHERE aggregate_id = :a ORDER BY seq")
                .param("a", user.toString())
                .query((rs, n) -> Map.entry(rs.getString(1), JSON.readTree(rs.getString(2))))
                .list()
                .forEach(out::add);
        return out;
    }

    protected List<String> eventTypes(UUID user) {
        return events(user).stream().map(Map.Entry::getKey).toList();
    }

    protected String status(String subscriptionId) {
        return jdbc.sql("SELECT status FROM subscriptions WHERE id = :id")
                .param("id", subscriptionId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    protected int processedEvents(String eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id")
                .param("id", eventId)
                .query(Integer.class)
                .single();
    }

    /** A user who went through checkout: the stand-in knows their customer, billing has linked it. */
    protected String customerAfterCheckout(UUID user) {
        String customer = id("cus");
        stripe.customerFor(user, customer);
        stripe.checkoutFor(customer, id("cs"));
        Response r = checkout(user, "monthly", id("req"));
        if (r.status() != 200) {
            throw new IllegalStateException("checkout failed: " + r.status() + " " + r.body());
        }
        return customer;
    }
}
