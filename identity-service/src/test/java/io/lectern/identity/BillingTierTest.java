package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

/** Billing's events reach identity through the real bus (Redis stream of the billing producer). */
class BillingTierTest extends IdentityTestSupport {

    @Autowired
    RedisClient redis;

    @Value("${lectern.events.namespace}")
    String namespace;

    private void publishFromBilling(String type, UUID userId, Object payload) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", UUID.randomUUID().toString());
        fields.put("type", type);
        fields.put("occurredAt", Instant.now().toString());
        fields.put("producer", "billing");
        fields.put("aggregateId", userId.toString());
        fields.put("payload", JSON.writeValueAsString(payload));
        redis.xadd(namespace + ":events:billing", StreamEntryID.NEW_ENTRY, fields);
    }

    private String tier(UUID id) {
        return jdbc.sql("SELECT tier FROM users WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    @Test
    void subscriptionEventsSetTheTierAndStaleOnesChangeNothing() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        String refresh = login(email, PASSWORD).get("refreshToken").asString();

        publishFromBilling(
                "billing.subscription-activated.v1",
                id,
                Map.of(
                        "userId",
                        id,
                        "subscriptionId",
                        "sub_1",
                        "plan",
                        "monthly",
                        "tier",
                        "premium",
                        "currentPeriodEnd",
                        Instant.now().plus(Duration.ofDays(30)).toString(),
                        "version",
                        2));
        await().atMost(Duration.ofSeconds(20)).until(() -> tier(id).equals("premium"));

        // the next access token carries the new tier
        String access = post("/api/v1/auth/refresh", Map.of("refreshToken", refresh))
                .json()
                .get("accessToken")
                .asString();
        assertThat(new String(Base64.getUrlDecoder().decode(access.split("\\.")[1])))
                .contains("\"tier\":\"premium\"");

        // an older cancellation arriving late is ignored; a newer one applies
        publishFromBilling(
                "billing.subscription-cancelled.v1",
                id,
                Map.of(
                        "userId",
                        id,
                        "subscriptionId",
                        "sub_1",
                        "endedAt",
                        Instant.now().toString(),
                        "version",
                        1));
        publishFromBilling(
                "billing.subscription-changed.v1",
                id,
                Map.of(
                        "userId",
                        id,
                        "subscriptionId",
                        "sub_1",
                        "plan",
                        "yearly",
                        "status",
                        "active",
                        "tier",
                        "premium",
                        "currentPeriodEnd",
                        Instant.now().plus(Duration.ofDays(365)).toString(),
                        "version",
                        3));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT tier_version FROM users WHERE id = :id")
                                .param("id", id)
                                .query(Long.class)
                                .single()
                        == 3L);
        assertThat(tier(id)).isEqualTo("premium");

        publishFromBilling(
                "billing.subscription-cancelled.v1",
                id,
                Map.of(
                        "userId",
                        id,
                        "subscriptionId",
                        "sub_1",
                        "endedAt",
                        Instant.now().toString(),
                        "version",
                        4));
        await().atMost(Duration.ofSeconds(20)).until(() -> tier(id).equals("free"));
    }
}
