package io.lectern.bench.srs;

import io.lectern.testsupport.TestInfrastructure;
import io.lectern.testsupport.TestTokens;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The review queue of a reader with 50,000 cards, and review submission throughput, against the real
 * learning-service jar (child process) on a throwaway database and Redis namespace. Cards are seeded in
 * SQL in realistic proportions: 60 % in review (due dates spread a year back and forward, so a few
 * hundred are due today), 5 % in learning steps, 35 % new, a fifth of them cloze siblings.
 * {@code GET /api/v1/srs/queue} is timed end to end over HTTP (token check included); then readers each
 * submit reviews of their due cards ({@code POST /cards/{id}/reviews}: lock, FSRS, log, XP, streak,
 * outbox event) with 1 and 4 clients.
 *
 * <p>Args: {@code <learning-service jar> [cards=50000] [queue requests=300] [reviews per client=200]}
 */
public final class ReviewQueueBenchmark {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ReviewQueueBenchmark() {}

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int cardCount = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int queueRequests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int reviewsPerClient = args.length > 3 ? Integer.parseInt(args[3]) : 200;

        TestInfrastructure infra = TestInfrastructure.get();
        TestTokens tokens = TestTokens.get();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        File log = File.createTempFile("learning-srs-bench-", ".log");
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process service = new ProcessBuilder(
                        javaCommand,
                        "-Xms128m",
                        "-Xmx256m",
                        "-jar",
                        jar,
                        "--server.port=" + port,
                        "--LECTERN_DB_HOST=" + infra.pgHost(),
                        "--LECTERN_DB_PORT=" + infra.pgPort(),
                        "--LECTERN_DB_NAME=" + infra.database(),
                        "--LECTERN_REDIS_HOST=" + infra.redisHost(),
                        "--LECTERN_REDIS_PORT=" + infra.redisPort(),
                        "--lectern.events.namespace=" + infra.namespace(),
                        "--lectern.events.relay.enabled=false",
                        "--lectern.events.consumer.enabled=false",
                        "--lectern.learning.srs.inbox.cron=-",
                        "--lectern.security.jwk-set-uri=" + tokens.jwkSetUri(),
                        "--lectern.security.issuer=" + TestTokens.ISSUER,
                        "--lectern.security.audience=" + TestTokens.AUDIENCE,
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::destroy));
        String base = "http://127.0.0.1:" + port;
        waitForHealth(base, service, log);
        System.out.printf(
                "== machine: %d cores, load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                        .trim());

        UUID heavy = UUID.randomUUID();
        List<UUID> reviewers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        long seedStart = System.nanoTime();
        try (Connection c = infra.admin(infra.database());
                Statement s = c.createStatement()) {
            seed(c, heavy, cardCount);
            for (UUID r : reviewers) {
                seed(c, r, reviewsPerClient * 3);
            }
            s.execute("ANALYZE learning.srs_card");
            s.execute("ANALYZE learning.srs_review");
            try (ResultSet rs = s.executeQuery(
                    "select count(*), pg_size_pretty(pg_total_relation_size('learning.srs_card')) from learning.srs_card")) {
                rs.next();
                System.out.printf(
                        "== seeded %d cards (%d for the heavy reader) in %.1f s, table+indexes %s%n",
                        rs.getLong(1), cardCount, (System.nanoTime() - seedStart) / 1e9, rs.getString(2));
            }
        }

        String token = "Bearer " + tokens.token(heavy);
        for (int i = 0; i < 50; i++) {
            queue(base, token); // warm-up: JIT, pools, plans
        }
        long[] times = new long[queueRequests];
        int items = 0;
        int due = 0;
        for (int i = 0; i < queueRequests; i++) {
            long t0 = System.nanoTime();
            String body = queue(base, token);
            times[i] = System.nanoTime() - t0;
            items = count(body, "\"choices\"");
            due = Integer.parseInt(body.replaceAll("(?s).*\"dueCount\":(\\d+).*", "$1"));
        }
        System.out.printf(
                "queue (limit 50) for %d cards, %d due today: %s  (%d items per answer; target p99 <= 20 ms)%n",
                cardCount, due, percentiles(times), items);

        for (int clients : new int[] {1, 4}) {
            List<Future<long[]>> futures = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                UUID reader = reviewers.get(c);
                int skip = clients == 1 ? 0 : reviewsPerClient;
                futures.add(pool.submit(() -> submit(base, infra, tokens, reader, reviewsPerClient, skip)));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                for (long t : f.get()) {
                    all.add(t);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf(
                    "review submissions, %d client(s) (one reader each): %d reviews in %.1f s = %.0f reviews/s  %s%n",
                    clients,
                    all.size(),
                    seconds,
                    all.size() / seconds,
                    percentiles(all.stream().mapToLong(Long::longValue).toArray()));
        }
        service.destroy();
        System.exit(0);
    }

    private static void seed(Connection c, UUID user, int n) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into learning.srs_card (id, user_id, kind, front, back, origin, sibling_key, state, step,
                    stability, difficulty, due, last_review, reps, lapses, scheduled_days, created_at)
                select gen_random_uuid(), ?, 'BASIC', 'Front ' || g, 'Back ' || g, 'USER',
                       case when g % 5 = 0 then 'cloze:' || (g / 15) end,
                       st, case when st = 'LEARNING' then 1 else 0 end,
                       case when st = 'NEW' then null else 1 + (g % 300) end,
                       case when st = 'NEW' then null else 1 + (g % 9) end,
                       case when st = 'REVIEW' then now() + ((g % 730) - 365) * interval '1 day' + (g % 24) * interval '1 hour'
                            when st = 'LEARNING' then now() + ((g % 120) - 60) * interval '1 minute'
                            else now() - interval '400 days' + g * interval '1 second' end,
                       case when st = 'NEW' then null else now() - interval '1 day' end,
                       case when st = 'NEW' then 0 else 1 + g % 20 end, 0, case when st = 'REVIEW' then 1 + g % 300 else 0 end,
                       now() - interval '400 days' + g * interval '1 second'
                from (select g, case when g % 20 < 12 then 'REVIEW' when g % 20 = 12 then 'LEARNING' else 'NEW' end as st
                      from generate_series(1, ?) g) s
                """)) {
            ps.setObject(1, user);
            ps.setInt(2, n);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update learning.srs_card set due = now() - interval '1 hour' where id in (select id from learning.srs_card where user_id = ? and state = 'REVIEW' order by id limit ?)")) {
            ps.setObject(1, user);
            ps.setInt(2, Math.max(1, n / 6));
            ps.executeUpdate();
        }
    }

    private static String queue(String base, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/srs/queue?limit=50"))
                        .header("Authorization", token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("queue answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static long[] submit(String base, TestInfrastructure infra, TestTokens tokens, UUID reader, int n, int skip)
            throws Exception {
        List<Object[]> cards = new ArrayList<>();
        try (Connection c = infra.admin(infra.database());
                PreparedStatement ps = c.prepareStatement(
                        "select id, version from learning.srs_card where user_id = ? and state = 'REVIEW' and due < now() order by id offset ? limit ?")) {
            ps.setObject(1, reader);
            ps.setInt(2, skip);
            ps.setInt(3, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cards.add(new Object[] {rs.getObject(1), rs.getLong(2)});
                }
            }
        }
        String token = "Bearer " + tokens.token(reader);
        long[] times = new long[cards.size()];
        for (int i = 0; i < cards.size(); i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/srs/cards/" + cards.get(i)[0] + "/reviews"))
                            .header("Authorization", token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"rating\":" + (1 + i % 4)
                                    + ",\"durationMs\":3000,\"version\":" + cards.get(i)[1] + "}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            times[i] = System.nanoTime() - t0;
            if (r.statusCode() != 201) {
                throw new IllegalStateException("review answered " + r.statusCode() + ": " + r.body());
            }
        }
        return times;
    }

    private static int count(String body, String needle) {
        int n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String percentiles(long[] nanos) {
        Arrays.sort(nanos);
        return String.format(
                "p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms",
                at(nanos, 0.50), at(nanos, 0.95), at(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void waitForHealth(String base, Process service, File log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("learning-service exited; see " + log);
            }
            try {
                HttpResponse<Void> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("learning-service did not become healthy in 600 s; see " + log);
    }
}
