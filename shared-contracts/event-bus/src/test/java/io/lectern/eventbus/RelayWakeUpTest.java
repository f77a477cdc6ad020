package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.redisson.client.codec.StringCodec;

/**
 * The relay is woken by the outbox trigger's NOTIFY, but PostgreSQL can hold notifications back for
 * hundreds of milliseconds on a saturated box (ADR 0007, session 7). While the relay is busy it must not
 * depend on them: a row whose NOTIFY never comes is relayed after the busy poll interval, not the idle one.
 */
class RelayWakeUpTest {

    @Test
    void aBusyRelayFindsARowWhoseNotifyNeverCameWithoutWaitingForTheIdlePoll() throws Exception {
        try (BusFixture bus = BusFixture.create()) {
            // an idle relay would look again only after 60 s: far beyond what this test waits
            EventBusProperties props = BusFixture.props(Map.of(
                    "lectern.events.relay.poll-interval", "60s",
                    "lectern.events.relay.busy-poll-interval", "50ms"));
            OutboxRelay relay = bus.relay("wake-" + UUID.randomUUID().toString().substring(0, 8), props);
            relay.start();
            try {
                // the thread is a platform one: getAllStackTraces() lists no virtual threads
                assertThat(Thread.getAllStackTraces().keySet())
                        .anyMatch(
                                t -> t.getName().equals("lectern-outbox-relay-" + BusFixture.SCHEMA) && !t.isVirtual());

                // woken by the NOTIFY of a normal commit: the relay is busy from now on
                UUID first = UUID.randomUUID();
                EventPublisher publisher = bus.publisher();
                bus.tx.executeWithoutResult(
                        s -> publisher.publish(first.toString(), new PostDeleted(first, "a", Instant.now(), 1)));
                await().atMost(Duration.ofSeconds(10)).until(() -> onStream(bus, first));

                // a row committed without its NOTIFY (the trigger does not fire for a replica-role session)
                UUID second = UUID.randomUUID();
                insertWithoutNotify(second);
                await().atMost(Duration.ofSeconds(10)).until(() -> onStream(bus, second));
            } finally {
                relay.stop();
            }
        }
    }

    private static void insertWithoutNotify(UUID aggregate) throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        try (Connection admin = infra.admin(infra.database())) {
            try (Statement s = admin.createStatement()) {
                s.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement insert = admin.prepareStatement("""
                    INSERT INTO learning.outbox (id, aggregate_id, type, payload, occurred_at)
                    VALUES (?, ?, 'content.post-deleted', ?::jsonb, now())""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, aggregate.toString());
                insert.setString(
                        3, EventJson.mapper().writeValueAsString(new PostDeleted(aggregate, "b", Instant.now(), 1)));
                insert.executeUpdate();
            }
        }
    }

    private static boolean onStream(BusFixture bus, UUID aggregate) {
        return bus
                .redis
                .<String, String>getStream(bus.namespace + ":events:" + BusFixture.SCHEMA, StringCodec.INSTANCE)
                .range(StreamRangeArgs.startId(StreamMessageId.MIN).endId(StreamMessageId.MAX))
                .values()
                .stream()
                .anyMatch(fields -> aggregate.toString().equals(fields.get("aggregateId")));
    }
}
