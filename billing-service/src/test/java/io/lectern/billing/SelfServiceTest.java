package io.lectern.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A subscriber's own view: plans, status, cancel at period end and back, portal, invoices. */
class SelfServiceTest extends BillingTestSupport {

    private final Instant end = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void plansArePublicAndSayWhichProvidersAreActive() {
        Response r = send("GET", "/api/v1/billing/plans", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("providers").get("stripe").asBoolean()).isTrue();
        assertThat(r.json().get("providers").get("manual").asBoolean()).isTrue();
        assertThat(r.body())
                .contains("\"id\":\"free\"")
                .contains("\"id\":\"monthly\"")
                .contains("\"id\":\"yearly\"");
        assertThat(r.json().get("plans").get(1).get("amountMinor").asLong()).isEqualTo(900);
        assertThat(r.json().get("plans").get(1).get("purchasable").asBoolean()).isTrue();
    }

    @Test
    void aSubscriberCancelsAtPeriodEndResumesAndReadsTheirInvoices() {
        UUID user = UUID.randomUUID();
        String customer = customerAfterCheckout(user);
        String sub = id("sub");
        String active =
                StripeStandIn.subscriptionJson(sub, customer, user, "active", StripeStandIn.MONTHLY_PRICE, end, false);
        stripe.subscription(active);
        deliver(event(id("evt"), "customer.subscription.created", active));
        stripe.server.stubFor(post(urlEqualTo("/v1/subscriptions/" + sub))
                .withRequestBody(containing("cancel_at_period_end=true"))
                .willReturn(StripeStandIn.json(StripeStandIn.subscriptionJson(
                        sub, customer, user, "active", StripeStandIn.MONTHLY_PRICE, end, true))));
        stripe.server.stubFor(post(urlEqualTo("/v1/subscriptions/" + sub))
                .withRequestBody(containing("cancel_at_period_end=false"))
                .willReturn(StripeStandIn.json(active)));

        Response cancelled = send("POST", "/api/v1/billing/subscription/cancel", null, "Authorization", bearer(user));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(cancelled.json().get("status").asString()).isEqualTo("active");

        Response status = send("GET", "/api/v1/billing/subscription", null, "Authorization", bearer(user));
        assertThat(status.json().get("tier").asString()).isEqualTo("premium");
        assertThat(status.json().get("subscription").get("plan").asString()).isEqualTo("monthly");
        assertThat(status.json().get("subscription").get("currentPeriodEnd").asString())
                .isEqualTo(end.toString());
        assertThat(status.json().get("subscription").get("cancelAtPeriodEnd").asBoolean())
                .isTrue();

        Response resumed = send("POST", "/api/v1/billing/subscription/resume", null, "Authorization", bearer(user));
        assertThat(resumed.json().get("cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(eventTypes(user))
                .containsExactly(
                        "billing.subscription-activated.v1",
                        "billing.subscription-changed.v1",
                        "billing.subscription-changed.v1");

        stripe.server.stubFor(get(urlPathEqualTo("/v1/invoices"))
                .withQueryParam("customer", equalTo(customer))
                .willReturn(StripeStandIn.json(
                        "{\"object\":\"list\",\"url\":\"/v1/invoices\",\"has_more\":false,\"data\":[{"
                                + "\"id\":\"in_1\",\"object\":\"invoice\",\"number\":\"LEC-0001\",\"status\":\"paid\","
                                + "\"amount_due\":900,\"amount_paid\":900,\"currency\":\"usd\",\"created\":1790000000,"
                                + "\"hosted_invoice_url\":\"https://invoice.stripe.com/i/in_1\","
                                + "\"invoice_pdf\":\"https://pay.stripe.com/invoice/in_1/pdf\"}]}")));
        Response invoices = send("GET", "/api/v1/billing/invoices", null, "Authorization", bearer(user));
        assertThat(invoices.status()).as(invoices.body()).isEqualTo(200);
        assertThat(invoices.json().get(0).get("amountPaid").asLong()).isEqualTo(900);
        assertThat(invoices.json().get(0).get("hostedInvoiceUrl").asString())
                .isEqualTo("https://invoice.stripe.com/i/in_1");

        stripe.portalFor(customer);
        Response portal = send("POST", "/api/v1/billing/portal", null, "Authorization", bearer(user));
        assertThat(portal.json().get("url").asString()).isEqualTo("https://billing.stripe.com/p/session/" + customer);
    }

    @Test
    void cancellingWithoutAPaidSubscriptionIsA409Problem() {
        Response r =
                send("POST", "/api/v1/billing/subscription/cancel", null, "Authorization", bearer(UUID.randomUUID()));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("type").asString()).endsWith("/no-active-subscription");
    }
}
