package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

class StreamTrimmingTest {

    private static final StreamEntryID ZERO = new StreamEntryID(0, 0);

    @Test
    void trimmingWithASlowGroupKeepsEveryPendingAndUndeliveredEntry() {
        try (BusFixture bus = BusFixture.create()) {
            BusIdentity identity = bus.identity("producer", "p");
            RedisClient redis = bus.redis;
            String stream = identity.streamKey(BusFixture.SCHEMA);
            redis.xgroupCreate(stream, "fast", ZERO, true);
            redis.xgroupCreate(stream, "slow", ZERO, false);
            List<StreamEntryID> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ids.add(add(redis, stream, Integer.toString(i)));
            }
            // fast has handled everything
            redis.xack(stream, "fast", readNew(redis, stream, "fast", "f", 100));
            // slow got the first 60, acknowledged 0-19 and 40-59; 20-39 are still pending; 60-99 undelivered
            readNew(redis, stream, "slow", "s", 60);
            redis.xack(stream, "slow", ids.subList(0, 20).toArray(StreamEntryID[]::new));
            redis.xack(stream, "slow", ids.subList(40, 60).toArray(StreamEntryID[]::new));

            long removed = new StreamTrimmer(redis, identity).trim();

            assertThat(removed).isEqualTo(20);
            for (StreamEntryID pending : ids.subList(20, 40)) {
                assertThat(redis.xrange(stream, pending, pending))
                        .as("pending entry %s", pending)
                        .extracting(StreamEntry::getID)
                        .containsExactly(pending);
            }
            assertThat(redis.xlen(stream)).isEqualTo(80);

            // once slow catches up, the stream shrinks to what the groups last saw
            redis.xack(stream, "slow", ids.subList(20, 40).toArray(StreamEntryID[]::new));
            redis.xack(stream, "slow", readNew(redis, stream, "slow", "s", 100));
            new StreamTrimmer(redis, identity).trim();
            assertThat(redis.xlen(stream)).isEqualTo(1);
            assertThat(redis.xrange(stream, ids.getLast(), ids.getLast()))
                    .extracting(StreamEntry::getID)
                    .containsExactly(ids.getLast());
        }
    }

    @Test
    void streamWithoutGroupsIsNotTrimmed() {
        try (BusFixture bus = BusFixture.create()) {
            BusIdentity identity = bus.identity("producer", "p");
            String stream = identity.streamKey(BusFixture.SCHEMA);
            for (int i = 0; i < 10; i++) {
                add(bus.redis, stream, Integer.toString(i));
            }
            assertThat(new StreamTrimmer(bus.redis, identity).trim()).isZero();
            assertThat(bus.redis.xlen(stream)).isEqualTo(10);
        }
    }

    @Test
    void aGroupWhoseConsumersWentQuietLongAgoNoLongerPinsTrimming() {
        try (BusFixture bus = BusFixture.create()) {
            BusIdentity identity = bus.identity("producer", "p");
            RedisClient redis = bus.redis;
            String stream = identity.streamKey(BusFixture.SCHEMA);
            redis.xgroupCreate(stream, "live", ZERO, true);
            redis.xgroupCreate(stream, "retired", ZERO, false);
            List<StreamEntryID> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(add(redis, stream, Integer.toString(i)));
            }
            // the retired service read everything once and never acknowledged or came back
            readNew(redis, stream, "retired", "r", 20);
            StreamTrimmer trimmer = new StreamTrimmer(redis, identity, java.time.Duration.ofMillis(400));
            keepUp(redis, stream);
            assertThat(trimmer.trim())
                    .as("while the retired group was recently active")
                    .isZero();

            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> {
                        keepUp(redis, stream);
                        trimmer.trim();
                        return redis.xrange(stream, ids.getFirst(), ids.getFirst())
                                .isEmpty();
                    });
            assertThat(redis.xlen(stream)).isEqualTo(1);
        }
    }

    /** The live group handles each new entry at once, so its consumer never goes quiet. */
    private static void keepUp(RedisClient redis, String stream) {
        add(redis, stream, "tick");
        StreamEntryID[] read = readNew(redis, stream, "live", "l", 1000);
        if (read.length > 0) {
            redis.xack(stream, "live", read);
        }
    }

    private static StreamEntryID add(RedisClient redis, String stream, String n) {
        return redis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("n", n));
    }

    /** XREADGROUP of up to {@code count} entries never delivered to the group; returns their ids. */
    private static StreamEntryID[] readNew(RedisClient redis, String stream, String group, String consumer, int count) {
        List<Map.Entry<String, List<StreamEntry>>> reply = redis.xreadGroup(
                group,
                consumer,
                XReadGroupParams.xReadGroupParams().count(count),
                Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        return reply == null || reply.isEmpty()
                ? new StreamEntryID[0]
                : reply.getFirst().getValue().stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new);
    }
}
