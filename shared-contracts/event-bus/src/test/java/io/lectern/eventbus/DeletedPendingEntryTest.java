package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.content.PostDeleted;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;

/**
 * An entry deleted (XDEL, or trimmed) while it is pending leaves only its id in the group's pending
 * list: Redis answers it without fields. There is nothing to handle, so the consumer acknowledges it,
 * handles the entries around it and keeps going.
 */
class DeletedPendingEntryTest {

    @Test
    void aRestartedConsumerAcknowledgesItsDeletedPendingEntryWithoutDispatchingIt() {
        try (BusFixture bus = BusFixture.create()) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            String group = "deleted-" + run;
            EventBusProperties props = BusFixture.props(Map.of());
            StreamConsumer consumer = bus.consumer(group, "c", props, BusFixture.recording(bus.jdbc, group));
            consumer.ensureGroup();
            StreamEntryID gone = add(bus, run + "-gone");
            add(bus, run + "-kept");
            // consumer c's previous life read both and died before handling them; then one was deleted
            deliverAll(bus, group, "c");
            bus.redis.xdel(bus.streamKey(), gone);
            assertThat(bus.pending(group)).isEqualTo(2);

            // the first turn after a restart reads the own pending list from 0
            consumer.pollOnce();

            assertThat(bus.pending(group)).isZero();
            assertThat(bus.applied(group, run + "-kept")).isEqualTo(1);
            assertThat(bus.applied(group, run + "-gone")).isZero();
        }
    }

    @Test
    void aDeletedEntryOfADeadConsumerIsDroppedWhenAnotherTakesOverItsEntries() {
        try (BusFixture bus = BusFixture.create()) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            String group = "deleted-" + run;
            EventBusProperties props = BusFixture.props(Map.of("lectern.events.consumer.idle-timeout", "200ms"));
            StreamConsumer heir = bus.consumer(group, "heir", props, BusFixture.recording(bus.jdbc, group));
            heir.ensureGroup();
            StreamEntryID gone = add(bus, run + "-gone");
            add(bus, run + "-kept");
            deliverAll(bus, group, "dead");
            bus.redis.xdel(bus.streamKey(), gone);

            // XAUTOCLAIM takes entries idle longer than 200 ms; Redis 7 also answers the deleted ids it dropped
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        heir.claimIdle();
                        return bus.pending(group) == 0;
                    });

            assertThat(bus.applied(group, run + "-kept")).isEqualTo(1);
            assertThat(bus.applied(group, run + "-gone")).isZero();
        }
    }

    /** An entry as the relay writes it: a PostDeleted of {@code aggregate}. */
    private static StreamEntryID add(BusFixture bus, String aggregate) {
        String payload =
                EventJson.mapper().writeValueAsString(new PostDeleted(UUID.randomUUID(), "s", Instant.now(), 1));
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID(),
                EventEnvelope.typeOf(PostDeleted.class),
                Instant.now(),
                BusFixture.SCHEMA,
                aggregate,
                null,
                payload);
        return bus.redis.xadd(bus.streamKey(), StreamEntryID.NEW_ENTRY, StreamEntries.toFields(envelope));
    }

    /** Delivers every new entry to {@code consumer} without acknowledging any. */
    private static void deliverAll(BusFixture bus, String group, String consumer) {
        bus.redis.xreadGroup(
                group,
                consumer,
                XReadGroupParams.xReadGroupParams().count(100),
                Map.of(bus.streamKey(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    }
}
