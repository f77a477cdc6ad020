package io.lectern.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's run command, for real: {@code ./lectern up --no-build} (the jars were just built by
 * this same Maven run) brings all seven apps to health UP on a port range and database of its own, a
 * request through the gateway reaches every service, a second {@code up} is harmless, and
 * {@code ./lectern down} leaves nothing running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunScriptSystemTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("identity", "content", "learning", "ai", "billing", "notify");
    static final int PORT_BASE = 20000 + ThreadLocalRandom.current().nextInt(0, 200) * 30;
    static final String DB =
            "lectern_sys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static Path runDir;
    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void start() throws Exception {
        runDir = Files.createTempDirectory("lectern-run");
        Result up = lectern("up", "--no-build");
        assertThat(up.exit()).as("./lectern up output:\n" + up.output()).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        lectern("down");
        try (Connection c = TestInfrastructure.get().admin("postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }

    @Test
    @Order(1)
    void everyServiceIsReachableThroughTheGateway() throws Exception {
        for (String service : SERVICES) {
            HttpResponse<String> response = get("/api-docs/" + service);
            assertThat(response.statusCode()).as(service).isEqualTo(200);
            assertThat(response.body()).as(service).contains("\"openapi\"");
        }
        assertThat(get("/actuator/health").body()).contains("UP");
    }

    @Test
    @Order(2)
    void statusReportsAllSevenAppsAndTheMailCatcherUpAndASecondUpIsHarmless() throws Exception {
        Result status = lectern("status");
        assertThat(status.output().lines().filter(l -> l.contains(": UP")).count())
                .isEqualTo(8);
        assertThat(status.output()).contains("mail: UP");
        Result again = lectern("up", "--no-build");
        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("already running");
    }

    @Test
    @Order(3)
    void downStopsEverythingAndFreesThePorts() throws Exception {
        List<Long> pids = new ArrayList<>();
        try (var files = Files.list(runDir)) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                pids.add(Long.parseLong(Files.readString(pidFile).trim()));
            }
        }
        assertThat(pids).hasSize(8); // seven apps and the local mail catcher
        Result down = lectern("down");
        assertThat(down.exit()).isZero();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pid " + pid)
                    .isFalse();
        }
        for (int port : new int[] {
            PORT_BASE,
            PORT_BASE + 1,
            PORT_BASE + 2,
            PORT_BASE + 3,
            PORT_BASE + 4,
            PORT_BASE + 5,
            PORT_BASE + 6,
            PORT_BASE + 25,
            PORT_BASE + 26
        }) {
            assertThat(listening(port)).as("port " + port).isFalse();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_BASE + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    record Result(int exit, String output) {}

    static Result lectern(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("lectern").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, String> env = pb.environment();
        env.put("LECTERN_PORT_BASE", String.valueOf(PORT_BASE));
        env.put("LECTERN_RUN_DIR", runDir.toString());
        env.put("LECTERN_DB_NAME", DB);
        env.put("LECTERN_DB_HOST", infra.pgHost());
        env.put("LECTERN_DB_PORT", String.valueOf(infra.pgPort()));
        env.put("LECTERN_REDIS_HOST", infra.redisHost());
        env.put("LECTERN_REDIS_PORT", String.valueOf(infra.redisPort()));
        env.put("LECTERN_EVENTS_NAMESPACE", infra.namespace() + "-sys");
        env.put("LECTERN_START_TIMEOUT", "240");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(6, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
