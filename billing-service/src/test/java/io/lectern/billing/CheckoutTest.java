package io.lectern.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Starting a purchase: customer once, session per request id, portal for payers, Stripe failures. */
class CheckoutTest extends BillingTestSupport {

    private int customers(UUID user) {
        return jdbc.sql("SELECT count(*) FROM customers WHERE user_id = :u")
                .param("u", user)
                .query(Integer.class)
                .single();
    }

    private List<LoggedRequest> sessionRequests(String customer) {
        return stripe.server.findAll(
                postRequestedFor(urlEqualTo("/v1/checkout/sessions")).withRequestBody(containing(customer)));
    }

    @Test
    void checkoutCreatesOneCustomerPerUserAndASessionReturningToThePublicSite() {
        UUID user = UUID.randomUUID();
        String customer = id("cus");
        stripe.customerFor(user, customer);
        stripe.checkoutFor(customer, "cs_test_1");

        Response first = checkout(user, "monthly", id("req"));
        Response second = checkout(user, "yearly", id("req"));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("kind").asString()).isEqualTo("CHECKOUT");
        assertThat(first.json().get("url").asString()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(customers(user)).isEqualTo(1);
        assertThat(stripe.server.findAll(
                        postRequestedFor(urlEqualTo("/v1/customers")).withRequestBody(containing(user.toString()))))
                .hasSize(1);
        String body = sessionRequests(customer).getFirst().getBodyAsString();
        assertThat(body)
                .contains("mode=subscription")
                .contains(StripeStandIn.MONTHLY_PRICE)
                .contains("client_reference_id=" + user)
                .contains("success_url=https%3A%2F%2Flearn.example.org%2Faccount%2Fbilling")
                .contains("cancel_url=https%3A%2F%2Flearn.example.org%2Faccount%2Fbilling");
        assertThat(sessionRequests(customer).getLast().getBodyAsString()).contains(StripeStandIn.YEARLY_PRICE);
    }

    @Test
    void aRetriedCheckoutReusesTheIdempotencyKeyDerivedFromTheRequestId() {
        UUID user = UUID.randomUUID();
        String customer = id("cus");
        stripe.customerFor(user, customer);
        String scenario = "retry-" + customer;
        // Stripe fails the first attempt, then answers.
        stripe.server.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing(customer))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Stripe-Should-Retry", "false")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"try again\"}}"))
                .willSetStateTo("up"));
        stripe.server.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing(customer))
                .inScenario(scenario)
                .whenScenarioStateIs("up")
                .willReturn(StripeStandIn.checkoutSession(customer, "cs_retried")));
        String requestId = id("req");

        Response failed = checkout(user, "monthly", requestId);
        Response retried = checkout(user, "monthly", requestId);

        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        List<LoggedRequest> requests = sessionRequests(customer);
        assertThat(requests).hasSize(2);
        List<String> keys = requests.stream()
                .map(r -> r.getHeader("Idempotency-Key"))
                .distinct()
                .toList();
        assertThat(keys).containsExactly("lectern-checkout-" + user + "-monthly-" + requestId);

        // a new request (another request id) is a new purchase attempt with its own key
        checkout(user, "monthly", id("req"));
        assertThat(sessionRequests(customer).getLast().getHeader("Idempotency-Key"))
                .isNotEqualTo(keys.getFirst());
    }

    @Test
    void stripeDownIsA503ProblemQuicklyWithNothingWritten() {
        UUID user = UUID.randomUUID();
        stripe.server.stubFor(post(urlEqualTo("/v1/customers"))
                .withRequestBody(containing(user.toString()))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Instant start = Instant.now();
        Response r = checkout(user, "monthly", id("req"));

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).endsWith("/provider-unavailable");
        assertThat(r.header("Retry-After")).isEqualTo("30");
        assertThat(customers(user)).isZero();
    }

    @Test
    void stripeSlowIsA503ProblemWithinAFewSeconds() {
        UUID user = UUID.randomUUID();
        String customer = id("cus");
        stripe.customerFor(user, customer);
        stripe.server.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing(customer))
                .willReturn(StripeStandIn.checkoutSession(customer, "cs_slow").withFixedDelay(10_000)));

        Instant start = Instant.now();
        Response r = checkout(user, "monthly", id("req"));

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.json().get("type").asString()).endsWith("/provider-unavailable");
        assertThat(jdbc.sql("SELECT count(*) FROM subscriptions WHERE user_id = :u")
                        .param("u", user)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aUserWhoAlreadyPaysIsSentToTheCustomerPortal() {
        UUID user = UUID.randomUUID();
        String customer = customerAfterCheckout(user);
        String sub = id("sub");
        String json = StripeStandIn.subscriptionJson(
                sub,
                customer,
                user,
                "active",
                StripeStandIn.MONTHLY_PRICE,
                Instant.now().plus(30, ChronoUnit.DAYS),
                false);
        stripe.subscription(json);
        deliver(event(id("evt"), "customer.subscription.created", json));
        stripe.portalFor(customer);
        int sessionsBefore = sessionRequests(customer).size();

        Response r = checkout(user, "yearly", id("req"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("kind").asString()).isEqualTo("PORTAL");
        assertThat(r.json().get("url").asString()).isEqualTo("https://billing.stripe.com/p/session/" + customer);
        assertThat(sessionRequests(customer)).hasSize(sessionsBefore);
    }

    @Test
    void anUnknownPlanIsA400ProblemNamingTheField() {
        Response r = checkout(UUID.randomUUID(), "platinum", id("req"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("plan");
        assertThat(r.json().get("type").asString()).endsWith("/invalid-request");

        Response missing = send("POST", "/api/v1/billing/checkout", "{}", "Authorization", bearer(UUID.randomUUID()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"plan\"");
    }
}
