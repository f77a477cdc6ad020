package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.content.PostDeleted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Several lanes, small reads and a handler with uneven pauses: the consumer keeps each aggregate's
 * order, applies every entry once and acknowledges all of them.
 */
class ConsumerLaneOrderTest {

    private static final int AGGREGATES = 6;
    private static final int VERSIONS = 60;

    @Test
    void everyAggregateIsAppliedInOrderOnceAndAcknowledged() throws Exception {
        try (BusFixture bus = BusFixture.create()) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            String group = "pipe-" + run;
            EventBusProperties props = BusFixture.props(Map.of(
                    "lectern.events.consumer.concurrency", "3",
                    "lectern.events.consumer.batch-size", "8",
                    "lectern.events.consumer.transaction-batch", "1"));
            EventPublisher publisher = bus.publisher();
            // versions 1..VERSIONS of every aggregate, interleaved, committed before the relay runs
            for (int version = 1; version <= VERSIONS; version++) {
                long v = version;
                bus.tx.executeWithoutResult(s -> {
                    for (int a = 0; a < AGGREGATES; a++) {
                        publisher.publish(run + "-" + a, new PostDeleted(UUID.randomUUID(), "s", Instant.now(), v));
                    }
                });
            }
            OutboxRelay relay = bus.relay("r", props);
            while (relay.relayOnce() > 0) {
                // everything on the stream before the consumer starts: its reads are full
            }
            EventSubscriptions slow = EventSubscriptions.builder()
                    .on(PostDeleted.class, (event, envelope) -> {
                        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 4));
                        BusFixture.record(bus.jdbc, group, envelope, event.version());
                    })
                    .build();
            StreamConsumer consumer = bus.consumer(group, "c", props, slow);
            consumer.ensureGroup();
            Thread thread = Thread.ofVirtual().start(consumer);
            long expected = (long) AGGREGATES * VERSIONS;
            await().atMost(Duration.ofSeconds(60)).until(() -> bus.applied(group, run + "-") >= expected);
            await().atMost(Duration.ofSeconds(10)).until(() -> bus.pending(group) == 0);
            consumer.stop();
            thread.join();

            assertThat(bus.applied(group, run + "-")).isEqualTo(expected);
            assertThat(bus.distinctApplied(group, run + "-")).isEqualTo(expected);
            for (int a = 0; a < AGGREGATES; a++) {
                List<Long> versions = bus.jdbc
                        .sql(
                                "SELECT version FROM learning.applied WHERE consumer = ? AND aggregate_id = ? ORDER BY applied_seq")
                        .params(group, run + "-" + a)
                        .query(Long.class)
                        .list();
                assertThat(versions).as("aggregate %d", a).hasSize(VERSIONS);
                for (int i = 0; i < versions.size(); i++) {
                    assertThat(versions.get(i))
                            .as("aggregate %d, event %d", a, i)
                            .isEqualTo(i + 1L);
                }
            }
        }
    }
}
