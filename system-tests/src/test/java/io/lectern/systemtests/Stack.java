package io.lectern.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.lectern.testsupport.TestInfrastructure;
import java.io.IOException;
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

/**
 * The whole platform as a user runs it: started once per test run with the README's command
 * ({@code ./lectern up --no-build}; the jars were built earlier in the same Maven run) on a port range,
 * database, Redis namespace and run directory of its own, and stopped with {@code ./lectern down} when
 * the JVM exits (or earlier by the test that checks {@code down}).
 */
final class Stack {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final int PORT_BASE = 20000 + ThreadLocalRandom.current().nextInt(0, 200) * 30;
    static final String DB =
            "lectern_sys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** Stripe settings billing gets from ./lectern up: its API is the WireMock {@link #stripe()}. */
    static final String STRIPE_WEBHOOK_SECRET = "whsec_system_test";

    static final String STRIPE_MONTHLY_PRICE = "price_system_monthly";

    private static Path runDir;
    private static boolean started;
    private static WireMockServer stripe;

    private Stack() {}

    static synchronized void ensureUp() throws Exception {
        if (started) {
            return;
        }
        runDir = Files.createTempDirectory("lectern-run");
        Runtime.getRuntime().addShutdownHook(new Thread(Stack::stopQuietly, "lectern-down"));
        Result up = lectern("up", "--no-build");
        assertThat(up.exit()).as("./lectern up output:\n" + up.output()).isZero();
        started = true;
    }

    /** Stripe's API as billing sees it in this stack (stubbed by the tests that buy something). */
    static synchronized WireMockServer stripe() {
        if (stripe == null) {
            stripe = new WireMockServer(
                    WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            stripe.start();
        }
        return stripe;
    }

    static Path runDir() {
        return runDir;
    }

    static String gateway(String path) {
        return "http://127.0.0.1:" + PORT_BASE + path;
    }

    /** GreenMail's REST API of the local mail catcher that ./lectern up starts. */
    static String mailApi(String path) {
        return "http://127.0.0.1:" + (PORT_BASE + 26) + path;
    }

    static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Every POST comes from a client address of its own (the gateway trusts 127.0.0.1 as a proxy here):
     * the journeys share one gateway, and together they sign up and sign in more often than one
     * address may (10 per 15 minutes), which is the limiter working, not what they test.
     */
    static HttpResponse<String> postJson(String url, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            b.headers(headers);
        }
        boolean forwarded = false;
        for (int i = 0; i < headers.length; i += 2) {
            forwarded |= headers[i].equalsIgnoreCase("X-Forwarded-For");
        }
        if (!forwarded) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            b.header("X-Forwarded-For", "198.18." + r.nextInt(256) + "." + (1 + r.nextInt(254)));
        }
        return HTTP.send(
                b.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    record Result(int exit, String output) {}

    static Result lectern(String... args) throws IOException, InterruptedException {
        return lectern(Map.of(), args);
    }

    static Result lectern(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
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
        // the Java apps and the mail catcher only: the browser journeys (./lectern test-web) run the web app, and
        // whether a developer's checkout holds a web build must not change what these tests start
        env.put("LECTERN_WEB", "off");
        env.put("STRIPE_API_KEY", "sk_test_system");
        env.put("STRIPE_WEBHOOK_SECRET", STRIPE_WEBHOOK_SECRET);
        env.put("STRIPE_API_BASE", "http://127.0.0.1:" + stripe().port());
        env.put("STRIPE_PRICE_MONTHLY", STRIPE_MONTHLY_PRICE);
        env.remove("LECTERN_SMTP_HOST");
        // secrets of this run only, never the developer's own ~/.config/lectern/secrets.env
        env.put("LECTERN_SECRETS_FILE", runDir.resolve("secrets.env").toString());
        // tests name their client address (X-Forwarded-For) so they do not share rate-limit buckets
        env.put("LECTERN_TRUSTED_PROXIES", "127.0.0.1/32");
        env.putAll(extraEnv);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(6, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static void stopQuietly() {
        try {
            if (runDir != null) {
                lectern("down");
            }
            try (Connection c = TestInfrastructure.get().admin("postgres");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            }
        } catch (Exception e) {
            System.err.println("Could not stop the test stack: " + e.getMessage());
        }
    }
}
