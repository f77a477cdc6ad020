package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The relay is woken in-process once a transaction that published events commits (ADR 0104). A row
 * written any other way (another instance of the service, SQL by hand) brings no wake-up: while the relay
 * is busy it must not wait for one, and finds such a row after the busy poll interval, not the idle one.
 */
class RelayWakeUpTest {

    @Test
    void aTransactionWakesTheRelayOnceWhenItCommitsAndNotAtAllWhenItRollsBack() {
        try (BusFixture bus = BusFixture.create()) {
            AtomicInteger wakeUps = new AtomicInteger();
            EventPublisher publisher = bus.publisher(wakeUps::incrementAndGet);
            String run = "once-" + UUID.randomUUID().toString().substring(0, 8);
            bus.tx.executeWithoutResult(s -> {
                for (int i = 0; i < 3; i++) {
                    publisher.publish(run, new PostDeleted(UUID.randomUUID(), "a", Instant.now(), i));
                }
                // not before the commit: the relay would find nothing yet
                assertThat(wakeUps).hasValue(0);
            });
            assertThat(wakeUps).hasValue(1);

            bus.tx.executeWithoutResult(s -> {
                publisher.publish(run, new PostDeleted(UUID.randomUUID(), "a", Instant.now(), 3));
                s.setRollbackOnly();
            });
            assertThat(wakeUps).hasValue(1);
            // no relay ran: the rows would otherwise go to the next test's relay on the shared outbox
            assertThat(bus.jdbc
                            .sql("DELETE FROM learning.outbox WHERE aggregate_id = ?")
                            .param(run)
                            .update())
                    .isEqualTo(3);
        }
    }

    @Test
    void aBusyRelayFindsARowNobodyWokeItForWithoutWaitingForTheIdlePoll() throws Exception {
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

                // idle, woken by the publisher's commit (its poll would come only after 60 s); busy from now on
                UUID first = UUID.randomUUID();
                EventPublisher publisher = bus.publisher();
                bus.tx.executeWithoutResult(
                        s -> publisher.publish(first.toString(), new PostDeleted(first, "a", Instant.now(), 1)));
                await().atMost(Duration.ofSeconds(10)).until(() -> onStream(bus, first));

                // a row committed by another connection, as another instance or an operator would: no wake-up
                UUID second = UUID.randomUUID();
                insertWithoutWakeUp(second);
                await().atMost(Duration.ofSeconds(10)).until(() -> onStream(bus, second));
            } finally {
                relay.stop();
            }
        }
    }

    private static void insertWithoutWakeUp(UUID aggregate) throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        try (Connection admin = infra.admin(infra.database())) {
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
        return !bus.streamed(aggregate.toString()).isEmpty();
    }
}
