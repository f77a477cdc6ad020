package io.lectern.notify.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.billing.SubscriptionActivated;
import io.lectern.contracts.events.identity.EmailChanged;
import io.lectern.contracts.events.identity.EmailVerificationRequested;
import io.lectern.contracts.events.identity.EmailVerified;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.notify.NotifyIntegrationTest;
import io.lectern.notify.TestSmtp;
import io.lectern.platform.crypto.Sealer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.StreamEntryID;

/** identity's and billing's events arriving through the real bus (Redis stream, consumer group, inbox). */
class AccountEventsTest extends NotifyIntegrationTest {

    @Autowired
    Sealer sealer;

    @Test
    void aRedeliveredVerificationRequestStillSendsOneEmailWithAWorkingLink() {
        UUID user = UUID.randomUUID();
        String address = uniqueAddress("bus-verify");
        var event = new EmailVerificationRequested(
                user, address, "Bus", "en", sealer.seal("email-verification", "tok-123"), Instant.now());
        String fields = io.lectern.eventbus.EventJson.mapper().writeValueAsString(event);
        UUID eventId = UUID.randomUUID();
        publishWithId(eventId, "identity.email-verification-requested.v1", user.toString(), fields);
        publishWithId(eventId, "identity.email-verification-requested.v1", user.toString(), fields);

        await().atMost(Duration.ofSeconds(15)).until(() -> TestSmtp.to(address).size() == 1);
        assertThat(TestSmtp.content(TestSmtp.to(address).getFirst()))
                .contains("https://lectern.test/verify-email?token=tok-123");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> TestSmtp.to(address).size() == 1);
    }

    @Test
    void welcomeEmailChangedNoticeReceiptAndDeletionFollowTheAccountsLife() {
        UUID user = UUID.randomUUID();
        String oldAddress = uniqueAddress("old");
        String newAddress = uniqueAddress("new");
        publishToBus(user.toString(), new UserRegistered(user, oldAddress, "Life", "en", "UTC", null, Instant.now()));
        publishToBus(user.toString(), new EmailVerified(user, oldAddress, "Life", "en", Instant.now()));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> TestSmtp.to(oldAddress).size() == 1);
        assertThat(subjectOf(oldAddress, 0)).isEqualTo("Welcome to Lectern, Life");

        publishToBus(user.toString(), new EmailChanged(user, oldAddress, newAddress, "Life", Instant.now()));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> TestSmtp.to(oldAddress).size() == 2);
        assertThat(subjectOf(oldAddress, 1)).isEqualTo("Your Lectern e-mail address was changed");
        assertThat(TestSmtp.content(TestSmtp.to(oldAddress).get(1))).contains(newAddress);

        publishToBus(
                "sub_1",
                new SubscriptionActivated(
                        user, "sub_1", "monthly", "premium", Instant.parse("2030-01-01T00:00:00Z"), 1));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> TestSmtp.to(newAddress).size() == 1);
        assertThat(subjectOf(newAddress, 0)).isEqualTo("Your Lectern monthly subscription is active");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("notification", user) == 1);

        publishToBus(user.toString(), new UserDeleted(user, Instant.now()));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> count("recipient", user) == 0
                        && count("notification", user) == 0
                        && count("email_outbox", user) == 0);
    }

    private void publishWithId(UUID eventId, String type, String aggregateId, String payload) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("id", eventId.toString());
        fields.put("type", type);
        fields.put("occurredAt", Instant.now().toString());
        fields.put("producer", "identity");
        fields.put("aggregateId", aggregateId);
        fields.put("payload", payload);
        redis.xadd(namespace + ":events:identity", StreamEntryID.NEW_ENTRY, fields);
    }

    private long count(String table, UUID user) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE user_id = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    private static String subjectOf(String address, int index) {
        try {
            return TestSmtp.to(address).get(index).getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
