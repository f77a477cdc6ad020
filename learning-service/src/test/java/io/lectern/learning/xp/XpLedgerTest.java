package io.lectern.learning.xp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.content.CommentApproved;
import io.lectern.eventbus.EventJson;
import io.lectern.learning.LearningIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class XpLedgerTest extends LearningIntegrationTest {

    @Autowired
    XpLedger ledger;

    @Test
    void theSameRuleAndSourceAwardTwiceEarnsOnce() {
        UUID user = registeredUser("UTC");
        Instant at = Instant.parse("2026-03-02T09:00:00Z");

        AwardResult first = ledger.award(user, "post-read", "post-1", at);
        AwardResult second = ledger.award(user, "post-read", "post-1", at);

        assertThat(first.awarded()).isTrue();
        assertThat(first.points()).isEqualTo(10);
        assertThat(second.awarded()).isFalse();
        assertThat(second.total()).isEqualTo(10);
        assertThat(count("select count(*) from xp_award where user_id = :user", user))
                .isEqualTo(1);
        assertThat(count("select total from xp_total where user_id = :user", user))
                .isEqualTo(10);
    }

    @Test
    void anAwardRolledBackWithTheCallersTransactionLeavesNothing() {
        UUID user = registeredUser("UTC");
        try {
            tx.executeWithoutResult(s -> {
                ledger.award(user, "post-read", "post-rollback", Instant.now());
                throw new IllegalStateException("caller fails after the award");
            });
        } catch (IllegalStateException expected) {
            // the caller's failure
        }
        assertThat(count("select count(*) from xp_award where user_id = :user", user))
                .isZero();
        assertThat(ledger.standing(user).total()).isZero();
    }

    @Test
    void anUnknownRuleIsRefused() {
        UUID user = registeredUser("UTC");
        assertThatThrownBy(() -> ledger.award(user, "no-such-rule", "x", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-rule");
    }

    @Test
    void levelsFollowTheDocumentedCurveAndCrossingOnePublishesLevelReached() {
        Levels levels = ledger.levels();
        assertThat(List.of(0L, 99L, 100L, 299L, 300L, 600L, 1000L).stream()
                        .map(levels::levelFor)
                        .toList())
                .containsExactly(1, 1, 2, 2, 3, 4, 5);

        UUID user = registeredUser("UTC");
        for (int i = 0; i < 10; i++) {
            ledger.award(user, "post-read", "post-" + i, Instant.now());
        }
        XpStanding standing = ledger.standing(user);
        assertThat(standing.total()).isEqualTo(100);
        assertThat(standing.level()).isEqualTo(2);
        assertThat(standing.nextLevelAt()).isEqualTo(300);
        assertThat(count(
                        "select count(*) from outbox where type = 'learning.level-reached.v1' and aggregate_id = :user::text",
                        user))
                .isEqualTo(1);
    }

    @Test
    void aCommentEventDeliveredTwiceOrApprovedTwiceOverTheBusAwardsOnce() {
        UUID user = registeredUser("UTC");
        UUID comment = UUID.randomUUID();
        CommentApproved approved = new CommentApproved(
                comment, UUID.randomUUID(), "slug", "Title", user, null, null, Instant.parse("2026-03-02T09:00:00Z"));
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("type", EventEnvelope.typeOf(CommentApproved.class));
        entry.put("occurredAt", Instant.now().toString());
        entry.put("producer", "content");
        entry.put("aggregateId", comment.toString());
        entry.put("payload", EventJson.mapper().writeValueAsString(approved));

        publishEntry(entry); // delivered
        publishEntry(entry); // redelivered with the same event id
        UUID again = publishToBus(comment.toString(), approved); // the same fact under a new event id

        awaitHandled(UUID.fromString(entry.get("id")));
        awaitHandled(again);
        assertThat(count("select count(*) from xp_award where user_id = :user", user))
                .isEqualTo(1);
        assertThat(ledger.standing(user).total()).isEqualTo(5);
    }

    @Test
    void twentyConcurrentAwardsForOneUserAddUpAndGrantEachBadgeExactlyOnce() throws Exception {
        UUID user = registeredUser("UTC");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<AwardResult>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String source = "post-" + i;
                calls.add(() -> ledger.award(user, "post-read", source, Instant.now()));
            }
            // the same 20 again at once: duplicates must not award
            for (int i = 0; i < 20; i++) {
                String source = "post-" + i;
                calls.add(() -> ledger.award(user, "post-read", source, Instant.now()));
            }
            List<Future<AwardResult>> results = pool.invokeAll(calls);
            long awarded = 0;
            for (Future<AwardResult> r : results) {
                if (r.get().awarded()) {
                    awarded++;
                }
            }
            assertThat(awarded).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.standing(user).total()).isEqualTo(200);
        assertThat(count(
                        "select value from learner_counter where user_id = :user and counter = 'rule:post-read'", user))
                .isEqualTo(20);
        assertThat(count(
                        "select count(*) from user_badge where user_id = :user and badge_id in ('first-read', 'bookworm')",
                        user))
                .isEqualTo(2);
        assertThat(count(
                        "select count(*) from outbox where type = 'learning.badge-earned.v1' and aggregate_id = :user::text"
                                + " and payload->>'badgeId' = 'first-read'",
                        user))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from outbox where type = 'learning.badge-earned.v1' and aggregate_id = :user::text"
                                + " and payload->>'badgeId' = 'bookworm'",
                        user))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from outbox where type = 'learning.xp-awarded.v1' and aggregate_id = :user::text",
                        user))
                .isEqualTo(20);
    }

    @Test
    void aDeletedUserEarnsNothing() {
        UUID user = registeredUser("UTC");
        jdbc.sql("update learner set deleted = true where user_id = :user")
                .param("user", user)
                .update();
        assertThat(ledger.award(user, "post-read", "p", Instant.now()).awarded())
                .isFalse();
        assertThat(count("select count(*) from xp_award where user_id = :user", user))
                .isZero();
    }
}
