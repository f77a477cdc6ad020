package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.content.PostDeleted;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis (a throwaway redis-server of this test, never the shared one) is killed and comes back empty:
 * streams, groups and pending lists are gone. The live consumer recreates its group, and replaying the
 * outbox from before the loss brings every group to the full set, each event applied once.
 */
class RedisLostTest {

    private Process redis;
    private Path dir;

    @AfterEach
    void killRedis() {
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    @Test
    void replayFromTheOutboxAfterRedisRestartedEmptyBringsConsumersToTheSameFinalState() throws Exception {
        int port = freePort();
        startRedis(port);
        try (BusFixture bus = BusFixture.create("127.0.0.1", port)) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            String live = "live-" + run;
            String late = "late-" + run;
            EventBusProperties props = BusFixture.props(Map.of());
            StreamConsumer liveConsumer = bus.consumer(live, "l", props, BusFixture.recording(bus.jdbc, live));
            liveConsumer.ensureGroup();
            // the late group exists from the start but its consumer is down while Redis is lost
            bus.consumer(late, "x", props, BusFixture.recording(bus.jdbc, late)).ensureGroup();
            Thread liveThread = Thread.ofVirtual().start(liveConsumer);
            OutboxRelay relay = bus.relay("relay", props);
            relay.start();
            Instant before = Instant.now().minusSeconds(1);

            publish(bus, run, 50);
            await().atMost(Duration.ofSeconds(20)).until(() -> bus.applied(live, run + "-") == 50);
            assertThat(bus.streamed(run + "-")).hasSize(50);

            // Redis dies and comes back with nothing (a new, empty data directory)
            redis.destroyForcibly().waitFor();
            startRedis(port);
            publish(bus, run, 20);

            int replayed = relay.replaySince(before);
            assertThat(replayed).isGreaterThanOrEqualTo(50);
            StreamConsumer lateConsumer = bus.consumer(late, "l2", props, BusFixture.recording(bus.jdbc, late));
            Thread lateThread = Thread.ofVirtual().start(lateConsumer);

            // the replay also re-sends other tests' rows of the shared outbox from that second: count this run's
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            bus.distinctApplied(live, run + "-") == 70 && bus.distinctApplied(late, run + "-") == 70);
            relay.stop();
            liveConsumer.stop();
            lateConsumer.stop();
            liveThread.join();
            lateThread.join();

            Set<UUID> produced = new HashSet<>(bus.jdbc
                    .sql("SELECT id FROM learning.outbox WHERE aggregate_id LIKE ?")
                    .param(run + "-%")
                    .query(UUID.class)
                    .list());
            for (String group : List.of(live, late)) {
                List<UUID> applied = bus.jdbc
                        .sql("SELECT event_id FROM learning.applied WHERE consumer = ? AND aggregate_id LIKE ?")
                        .params(group, run + "-%")
                        .query(UUID.class)
                        .list();
                assertThat(applied).as(group).doesNotHaveDuplicates();
                assertThat(new HashSet<>(applied)).as(group).isEqualTo(produced);
            }
        }
    }

    private static void publish(BusFixture bus, String run, int count) {
        EventPublisher publisher = bus.publisher();
        for (int i = 0; i < count; i++) {
            int n = i;
            bus.tx.executeWithoutResult(s ->
                    publisher.publish(run + "-" + (n % 7), new PostDeleted(UUID.randomUUID(), "s", Instant.now(), n)));
        }
    }

    private void startRedis(int port) throws IOException {
        dir = Files.createTempDirectory("lectern-redis-lost");
        redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "yes",
                        "--dir",
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try {
                new java.net.Socket("127.0.0.1", port).close();
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
