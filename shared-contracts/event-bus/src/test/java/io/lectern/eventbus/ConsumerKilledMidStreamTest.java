package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.testsupport.TestInfrastructure;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer in a separate JVM is killed with SIGKILL several times while 10,000 events flow; the
 * replacement either resumes under the same consumer name (own pending list) or under a new one
 * (taking the dead one's entries with XAUTOCLAIM). The applied set must equal the produced set.
 */
class ConsumerKilledMidStreamTest {

    private static final int EVENTS = 10_000;
    private static final int PER_TRANSACTION = 25;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void appliedSetEqualsProducedSetWhenConsumerJvmIsKilledRepeatedly() throws Exception {
        try (BusFixture bus = BusFixture.create()) {
            String group = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
            EventBusProperties props = BusFixture.props(Map.of());
            OutboxRelay relay = bus.relay("relay-1", props);
            relay.start();
            EventPublisher publisher = bus.publisher();
            String run = UUID.randomUUID().toString().substring(0, 8);
            // the group must exist before the first event so it reads from the start
            bus.consumer(group, "setup", props, BusFixture.recording(bus.jdbc, group))
                    .ensureGroup();

            Process consumer = start(bus, group, "c-1");
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                for (int t = 0; t < EVENTS / PER_TRANSACTION; t++) {
                    int batch = t;
                    bus.tx.executeWithoutResult(s -> {
                        for (int i = 0; i < PER_TRANSACTION; i++) {
                            UUID post = UUID.randomUUID();
                            publisher.publish(
                                    run + "-" + (batch % 50), new PostDeleted(post, "s", Instant.now(), batch));
                        }
                    });
                }
            });

            String[] next = {"c-1", "c-2", "c-2", "c-3", "c-4"};
            for (int kill = 1; kill < next.length; kill++) {
                long target = (long) kill * EVENTS / next.length;
                await().atMost(Duration.ofSeconds(90)).until(() -> bus.applied(group, run + "-") >= target);
                consumer.destroyForcibly().waitFor();
                // alternately a new consumer name (claims the dead one's entries) or the same one (re-reads its own)
                consumer = start(bus, group, next[kill]);
            }
            producing.get();

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> bus.distinctApplied(group, run + "-") >= EVENTS);
            relay.stop();

            Set<UUID> produced = new HashSet<>(bus.jdbc
                    .sql("SELECT id FROM learning.outbox WHERE aggregate_id LIKE ?")
                    .param(run + "-%")
                    .query(UUID.class)
                    .list());
            List<UUID> applied = bus.jdbc
                    .sql("SELECT event_id FROM learning.applied WHERE consumer = ? AND aggregate_id LIKE ?")
                    .params(group, run + "-%")
                    .query(UUID.class)
                    .list();
            assertThat(produced).hasSize(EVENTS);
            assertThat(applied).doesNotHaveDuplicates();
            assertThat(new HashSet<>(applied)).isEqualTo(produced);
        }
    }

    private Process start(BusFixture bus, String group, String instance) throws IOException {
        TestInfrastructure infra = TestInfrastructure.get();
        File log = new File("target/chaos-" + group + "-" + instance + "-" + processes.size() + ".log");
        Process process = new ProcessBuilder(
                        System.getProperty("java.home") + "/bin/java",
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ChaosConsumerMain.class.getName(),
                        infra.jdbcUrl(),
                        infra.redisHost(),
                        String.valueOf(infra.redisPort()),
                        bus.namespace,
                        group,
                        instance)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        processes.add(process);
        return process;
    }
}
