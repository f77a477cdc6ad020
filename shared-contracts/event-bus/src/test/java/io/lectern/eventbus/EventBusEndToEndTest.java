package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.content.PostDeleted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

@SpringBootTest(classes = TestService.class)
class EventBusEndToEndTest {

    @Autowired
    EventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RedisClient redis;

    @Autowired
    BusIdentity identity;

    @Autowired
    InboxDispatcher dispatcher;

    @Test
    void publishingOutsideATransactionIsRefusedAndWritesNothing() {
        long before = outboxRows();
        assertThatThrownBy(() -> publisher.publish("p", TestService.post(UUID.randomUUID(), "x", 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(outboxRows()).isEqualTo(before);
    }

    @Test
    void eventCommittedWithTheChangeReachesTheHandlerOnceWithItsEnvelope() {
        UUID postId = UUID.randomUUID();
        MDC.put("requestId", "req-e2e-1");
        try {
            tx.executeWithoutResult(s -> publisher.publish(postId.toString(), TestService.post(postId, "hello", 1)));
        } finally {
            MDC.remove("requestId");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> appliedFor(postId) == 1);
        Map<String, Object> row = jdbc.sql("SELECT type, trace_id FROM content.applied WHERE aggregate_id = ?")
                .param(postId.toString())
                .query()
                .singleRow();
        assertThat(row).containsEntry("type", "content.post-published.v1").containsEntry("trace_id", "req-e2e-1");
        assertThat(jdbc.sql("SELECT status FROM content.outbox WHERE aggregate_id = ?")
                        .param(postId.toString())
                        .query(String.class)
                        .single())
                .isEqualTo("PUBLISHED");
        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0);
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        UUID postId = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            publisher.publish(postId.toString(), TestService.post(postId, "rolled-back", 1));
            s.setRollbackOnly();
        });
        UUID marker = UUID.randomUUID();
        tx.executeWithoutResult(
                s -> publisher.publish(marker.toString(), new PostDeleted(marker, "m", Instant.now(), 1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> appliedFor(marker) == 1);
        assertThat(appliedFor(postId)).isZero();
    }

    @Test
    void unknownTypesAreAcknowledgedAndIgnoredAndDuplicatesAppliedOnce() {
        UUID eventId = UUID.randomUUID();
        UUID postId = UUID.randomUUID();
        Map<String, String> unknown = Map.of(
                "id", UUID.randomUUID().toString(),
                "type", "content.something-new.v7",
                "occurredAt", Instant.now().toString(),
                "producer", "content",
                "aggregateId", "x",
                "payload", "{\"whatever\":1}");
        // a field this consumer's record does not know must not break it
        Map<String, String> deleted = deletedEntry(eventId, postId, 4, ",\"addedLater\":true");
        redis.xadd(streamKey(), StreamEntryID.NEW_ENTRY, unknown);
        redis.xadd(streamKey(), StreamEntryID.NEW_ENTRY, deleted);
        redis.xadd(streamKey(), StreamEntryID.NEW_ENTRY, deleted);
        await().atMost(Duration.ofSeconds(10)).until(() -> appliedFor(postId) == 1 && pending() == 0);
        assertThat(appliedFor(postId)).isEqualTo(1);
    }

    /**
     * A lane's batch marks all its events seen in one statement: an event seen before the batch and a
     * second copy inside it are skipped, every other event is applied exactly once, in order.
     */
    @Test
    void aBatchAppliesEachNewEventOnceInOrder() {
        UUID postId = UUID.randomUUID();
        Map<String, String> seenBefore = deletedEntry(UUID.randomUUID(), postId, 1, "");
        Map<String, String> second = deletedEntry(UUID.randomUUID(), postId, 2, "");
        Map<String, String> third = deletedEntry(UUID.randomUUID(), postId, 3, "");
        assertThat(dispatcher.dispatch(seenBefore)).isEqualTo(InboxDispatcher.Outcome.HANDLED);

        dispatcher.dispatchAll(List.of(seenBefore, second, third, second));

        assertThat(jdbc.sql("SELECT version FROM content.applied WHERE aggregate_id = ? ORDER BY handled_at, version")
                        .param(postId.toString())
                        .query(Long.class)
                        .list())
                .containsExactly(1L, 2L, 3L);
        assertThat(jdbc.sql("SELECT count(*) FROM content.inbox WHERE event_id IN (?, ?, ?)")
                        .params(
                                UUID.fromString(seenBefore.get("id")),
                                UUID.fromString(second.get("id")),
                                UUID.fromString(third.get("id")))
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    /** A post-deleted entry as the relay writes it; {@code extraPayload} is appended to the payload's members. */
    private static Map<String, String> deletedEntry(UUID eventId, UUID postId, long version, String extraPayload) {
        return Map.of(
                "id",
                eventId.toString(),
                "type",
                "content.post-deleted.v1",
                "occurredAt",
                Instant.now().toString(),
                "producer",
                "content",
                "aggregateId",
                postId.toString(),
                "payload",
                "{\"postId\":\"" + postId + "\",\"slug\":\"s\",\"deletedAt\":\"2026-01-01T00:00:00Z\"," + "\"version\":"
                        + version + extraPayload + "}");
    }

    private String streamKey() {
        return identity.streamKey("content");
    }

    private long pending() {
        return redis.xpending(streamKey(), identity.group()).getTotal();
    }

    private long appliedFor(UUID aggregate) {
        return jdbc.sql("SELECT count(*) FROM content.applied WHERE aggregate_id = ?")
                .param(aggregate.toString())
                .query(Long.class)
                .single();
    }

    private long outboxRows() {
        return jdbc.sql("SELECT count(*) FROM content.outbox").query(Long.class).single();
    }
}
