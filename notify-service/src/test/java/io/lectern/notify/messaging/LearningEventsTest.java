package io.lectern.notify.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.contracts.events.learning.BadgeEarned;
import io.lectern.contracts.events.learning.LevelReached;
import io.lectern.contracts.events.learning.SeriesCompleted;
import io.lectern.eventbus.EventJson;
import io.lectern.notify.NotifyIntegrationTest;
import io.lectern.notify.TestSmtp;
import io.lectern.notify.recipient.Recipients;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.StreamEntryID;

class LearningEventsTest extends NotifyIntegrationTest {

    @Autowired
    IdentityEvents identity;

    @Autowired
    Recipients recipients;

    @Test
    void levelBadgeAndSeriesBecomeInAppNotificationsAndOnlyTheSeriesAlsoAnEmail() {
        UUID user = UUID.randomUUID();
        String address = uniqueAddress("learner");
        inTx(() -> {
            identity.onUserRegistered(
                    new UserRegistered(user, address, "Ada", "en", "UTC", null, Instant.now()),
                    envelope("identity.user-registered.v1", user.toString()));
            recipients.emailVerified(user, address);
        });

        publishToBus(user.toString(), new LevelReached(user, 3, 2, 310, 600, Instant.now()));
        publishToBus(user.toString(), new BadgeEarned(user, "bookworm", "Bookworm", "SILVER", 1, Instant.now()));
        publishToBus(
                user.toString(),
                new SeriesCompleted(user, UUID.randomUUID(), "java-basics", "Java basics", 5, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> kinds(user).size() == 3);
        assertThat(kinds(user)).containsExactlyInAnyOrder("level-reached", "badge-earned", "series-completed");
        await().atMost(Duration.ofSeconds(15)).until(() -> TestSmtp.to(address).size() == 1);
        assertThat(TestSmtp.content(TestSmtp.to(address).getFirst()))
                .contains("Java basics")
                .contains("/series/java-basics");
    }

    @Test
    void aRedeliveredBadgeEventNotifiesOnce() {
        UUID user = UUID.randomUUID();
        BadgeEarned badge = new BadgeEarned(user, "first-read", "First steps", "BRONZE", 1, Instant.now());
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("type", EventEnvelope.typeOf(BadgeEarned.class));
        entry.put("occurredAt", Instant.now().toString());
        entry.put("producer", "learning");
        entry.put("aggregateId", user.toString());
        entry.put("payload", EventJson.mapper().writeValueAsString(badge));
        // the same event id twice, as a redelivery after a crash would
        redis.xadd(namespace + ":events:learning", StreamEntryID.NEW_ENTRY, entry);
        redis.xadd(namespace + ":events:learning", StreamEntryID.NEW_ENTRY, entry);
        LevelReached marker = new LevelReached(user, 2, 1, 100, 300, Instant.now());
        publishToBus(user.toString(), marker);

        await().atMost(Duration.ofSeconds(20)).until(() -> kinds(user).contains("level-reached"));
        assertThat(kinds(user).stream().filter("badge-earned"::equals)).hasSize(1);
    }

    private List<String> kinds(UUID user) {
        return jdbc.sql("SELECT kind FROM notification WHERE user_id = :u")
                .param("u", user)
                .query(String.class)
                .list();
    }
}
