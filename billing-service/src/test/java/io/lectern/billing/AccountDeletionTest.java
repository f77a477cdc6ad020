package io.lectern.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.eventbus.EventJson;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

class AccountDeletionTest extends BillingTestSupport {

    @Autowired
    RedisClient redis;

    @Value("${lectern.events.namespace}")
    String namespace;

    /** Puts {@code UserDeleted} on identity's stream exactly as identity's relay does. */
    private void userDeleted(UUID user) {
        Map<String, String> fields = new LinkedHashMap<>();
        UserDeleted payload = new UserDeleted(user, Instant.now());
        fields.put("id", UUID.randomUUID().toString());
        fields.put("type", EventEnvelope.typeOf(UserDeleted.class));
        fields.put("occurredAt", Instant.now().toString());
        fields.put("producer", "identity");
        fields.put("aggregateId", user.toString());
        fields.put("payload", EventJson.mapper().writeValueAsString(payload));
        redis.xadd(namespace + ":events:identity", StreamEntryID.NEW_ENTRY, fields);
    }

    private void payingCustomer(UUID user, String customer, String subscription) {
        jdbc.sql("INSERT INTO customers (user_id, stripe_customer_id) VALUES (:u, :c)")
                .param("u", user)
                .param("c", customer)
                .update();
        jdbc.sql("INSERT INTO subscriptions (id, user_id, provider, plan, status, current_period_end, observed_at)"
                        + " VALUES (:id, :u, 'stripe', 'monthly', 'active', :end, now())")
                .param("id", subscription)
                .param("u", user)
                .param("end", Timestamp.from(Instant.now().plus(Duration.ofDays(20))))
                .update();
    }

    private long rowsOf(UUID user) {
        return jdbc.sql("SELECT (SELECT count(*) FROM customers WHERE user_id = :u)"
                        + " + (SELECT count(*) FROM subscriptions WHERE user_id = :u)")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    @Test
    void aDeletedAccountStopsPayingAtStripeAndLeavesNoBillingRowsWhileOthersKeepTheirs() {
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String customer = id("cus");
        payingCustomer(user, customer, id("sub"));
        payingCustomer(other, id("cus"), id("sub"));
        stripe.server.stubFor(delete(urlEqualTo("/v1/customers/" + customer))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + customer + "\",\"object\":\"customer\",\"deleted\":true}")));

        userDeleted(user);

        await().atMost(Duration.ofSeconds(30)).until(() -> rowsOf(user) == 0);
        stripe.server.verify(1, deleteRequestedFor(urlEqualTo("/v1/customers/" + customer)));
        assertThat(rowsOf(other))
                .as("another user's customer and subscription stay")
                .isEqualTo(2);
    }

    @Test
    void aCustomerStripeNoLongerKnowsCountsAsDeletedButAStripeOutageKeepsTheRowsForTheRetry() {
        UUID gone = UUID.randomUUID();
        String goneCustomer = id("cus");
        payingCustomer(gone, goneCustomer, id("sub"));
        stripe.server.stubFor(delete(urlEqualTo("/v1/customers/" + goneCustomer))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                                + "\"message\":\"No such customer\"}}")));
        userDeleted(gone);
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsOf(gone) == 0);

        UUID stuck = UUID.randomUUID();
        String stuckCustomer = id("cus");
        payingCustomer(stuck, stuckCustomer, id("sub"));
        stripe.server.stubFor(delete(urlEqualTo("/v1/customers/" + stuckCustomer))
                .willReturn(aResponse().withStatus(503)));
        userDeleted(stuck);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !stripe.server
                        .findAll(deleteRequestedFor(urlEqualTo("/v1/customers/" + stuckCustomer)))
                        .isEmpty());
        assertThat(rowsOf(stuck))
                .as("Stripe could not cancel: the link stays so the retry (or an operator) can")
                .isEqualTo(2);
    }
}
