package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;

class StreamTrimmingTest {

    @Test
    void trimmingWithASlowGroupKeepsEveryPendingAndUndeliveredEntry() {
        try (BusFixture bus = BusFixture.create()) {
            BusIdentity identity = bus.identity("producer", "p");
            RStream<String, String> stream =
                    bus.redis.getStream(identity.streamKey(BusFixture.SCHEMA), StringCodec.INSTANCE);
            stream.createGroup(
                    StreamCreateGroupArgs.name("fast").id(StreamMessageId.ALL).makeStream());
            stream.createGroup(StreamCreateGroupArgs.name("slow").id(StreamMessageId.ALL));
            List<StreamMessageId> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ids.add(stream.add(org.redisson.api.stream.StreamAddArgs.entry("n", Integer.toString(i))));
            }
            // fast has handled everything
            Map<StreamMessageId, Map<String, String>> all = stream.readGroup(
                    "fast", "f", StreamReadGroupArgs.neverDelivered().count(100));
            stream.ack("fast", all.keySet().toArray(StreamMessageId[]::new));
            // slow got the first 60, acknowledged 0-19 and 40-59; 20-39 are still pending; 60-99 undelivered
            stream.readGroup("slow", "s", StreamReadGroupArgs.neverDelivered().count(60));
            stream.ack("slow", ids.subList(0, 20).toArray(StreamMessageId[]::new));
            stream.ack("slow", ids.subList(40, 60).toArray(StreamMessageId[]::new));

            long removed = new StreamTrimmer(bus.redis, identity).trim();

            assertThat(removed).isEqualTo(20);
            for (StreamMessageId pending : ids.subList(20, 40)) {
                assertThat(stream.range(StreamRangeArgs.startId(pending).endId(pending)))
                        .as("pending entry %s", pending)
                        .containsKey(pending);
            }
            assertThat(stream.size()).isEqualTo(80);

            // once slow catches up, the stream shrinks to what the groups last saw
            stream.ack("slow", ids.subList(20, 40).toArray(StreamMessageId[]::new));
            Map<StreamMessageId, Map<String, String>> rest = stream.readGroup(
                    "slow", "s", StreamReadGroupArgs.neverDelivered().count(100));
            stream.ack("slow", rest.keySet().toArray(StreamMessageId[]::new));
            new StreamTrimmer(bus.redis, identity).trim();
            assertThat(stream.size()).isEqualTo(1);
            assertThat(stream.range(StreamRangeArgs.startId(ids.getLast()).endId(ids.getLast())))
                    .containsKey(ids.getLast());
        }
    }

    @Test
    void streamWithoutGroupsIsNotTrimmed() {
        try (BusFixture bus = BusFixture.create()) {
            BusIdentity identity = bus.identity("producer", "p");
            RStream<String, String> stream =
                    bus.redis.getStream(identity.streamKey(BusFixture.SCHEMA), StringCodec.INSTANCE);
            for (int i = 0; i < 10; i++) {
                stream.add(org.redisson.api.stream.StreamAddArgs.entry("n", Integer.toString(i)));
            }
            assertThat(new StreamTrimmer(bus.redis, identity).trim()).isZero();
            assertThat(stream.size()).isEqualTo(10);
        }
    }

    @Test
    void aGroupWhoseConsumersWentQuietLongAgoNoLongerPinsTrimming() {
        try (BusFixture bus = BusFixture.create()) {
            BusIdentity identity = bus.identity("producer", "p");
            RStream<String, String> stream =
                    bus.redis.getStream(identity.streamKey(BusFixture.SCHEMA), StringCodec.INSTANCE);
            stream.createGroup(
                    StreamCreateGroupArgs.name("live").id(StreamMessageId.ALL).makeStream());
            stream.createGroup(StreamCreateGroupArgs.name("retired").id(StreamMessageId.ALL));
            List<StreamMessageId> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(stream.add(org.redisson.api.stream.StreamAddArgs.entry("n", Integer.toString(i))));
            }
            // the retired service read everything once and never acknowledged or came back
            stream.readGroup(
                    "retired", "r", StreamReadGroupArgs.neverDelivered().count(20));
            StreamTrimmer trimmer = new StreamTrimmer(bus.redis, identity, java.time.Duration.ofMillis(400));
            keepUp(stream);
            assertThat(trimmer.trim())
                    .as("while the retired group was recently active")
                    .isZero();

            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> {
                        keepUp(stream);
                        trimmer.trim();
                        return stream.range(
                                        StreamRangeArgs.startId(ids.getFirst()).endId(ids.getFirst()))
                                .isEmpty();
                    });
            assertThat(stream.size()).isEqualTo(1);
        }
    }

    /** The live group handles each new entry at once, so its consumer never goes quiet. */
    private static void keepUp(RStream<String, String> stream) {
        stream.add(org.redisson.api.stream.StreamAddArgs.entry("n", "tick"));
        Map<StreamMessageId, Map<String, String>> read = stream.readGroup(
                "live", "l", StreamReadGroupArgs.neverDelivered().count(1000));
        if (!read.isEmpty()) {
            stream.ack("live", read.keySet().toArray(StreamMessageId[]::new));
        }
    }
}
