package io.lectern.bench.learning;

import io.lectern.testsupport.TestInfrastructure;
import io.lectern.testsupport.TestTokens;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;

/**
 * The real learning-service (its jar as a child process, its own Flyway migrations) on a throwaway
 * database and Redis namespace. Part 1: 100,000 users with XP in the ledger, the boards rebuilt through
 * the admin endpoint, then top-10 and own-rank (with neighbours) timed end to end over HTTP. Part 2: XP
 * award throughput from the bus: comment-approved events are put on content's stream as content's relay
 * would, and the time until every award is in the ledger is measured.
 *
 * <p>Args: {@code <learning-service jar> [users=100000] [requests=2000] [clients=1,4] [events=5000]}
 */
public final class LeaderboardBenchmark {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LeaderboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int[] clientCounts = Arrays.stream((args.length > 3 ? args[3] : "1,4").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int events = args.length > 4 ? Integer.parseInt(args[4]) : 5_000;

        TestInfrastructure infra = TestInfrastructure.get();
        TestTokens tokens = TestTokens.get();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        File log = File.createTempFile("learning-bench-", ".log");
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process service = new ProcessBuilder(
                        javaCommand,
                        "-Xms256m",
                        "-Xmx512m",
                        "-XX:+UseParallelGC",
                        "-jar",
                        jar,
                        "--server.port=" + port,
                        "--LECTERN_DB_HOST=" + infra.pgHost(),
                        "--LECTERN_DB_PORT=" + infra.pgPort(),
                        "--LECTERN_DB_NAME=" + infra.database(),
                        "--LECTERN_REDIS_HOST=" + infra.redisHost(),
                        "--LECTERN_REDIS_PORT=" + infra.redisPort(),
                        "--lectern.events.namespace=" + infra.namespace(),
                        // learning's own events have no consumer in this run: keep them in the outbox
                        "--lectern.events.relay.enabled=false",
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
                "== machine: %d cores, load average %s (shared with other work: figures are indicative)%n",
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());

        // Part 1: leaderboard reads at `users` users
        long seedStart = System.nanoTime();
        List<UUID> ids = seed(infra, users);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        String admin = "Bearer " + tokens.token(UUID.randomUUID(), "admin");
        long rebuildStart = System.nanoTime();
        HttpResponse<String> rebuilt = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/gamification/leaderboards/rebuild"))
                        .header("Authorization", admin)
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (rebuilt.statusCode() != 204) {
            throw new IllegalStateException("rebuild answered " + rebuilt.statusCode() + ": " + rebuilt.body());
        }
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        System.out.printf(
                "== %d users with XP seeded in the ledger in %.1f s; boards rebuilt from the ledger over HTTP in %.2f s%n",
                users, seedSeconds, rebuildSeconds);
        Map<UUID, String> bearer = new HashMap<>();
        Random random = new Random(7);
        List<UUID> askers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID u = ids.get(random.nextInt(ids.size()));
            askers.add(u);
            bearer.put(u, "Bearer " + tokens.token(u));
        }
        run(base, "/api/v1/gamification/leaderboards/all-time?limit=10", askers, bearer, 400, 2, false); // warm-up
        run(base, "/api/v1/gamification/leaderboards/all-time/me?around=2", askers, bearer, 400, 2, false);
        for (int clients : clientCounts) {
            run(base, "/api/v1/gamification/leaderboards/all-time?limit=10", askers, bearer, requests, clients, true);
            run(
                    base,
                    "/api/v1/gamification/leaderboards/all-time/me?around=2",
                    askers,
                    bearer,
                    requests,
                    clients,
                    true);
        }

        // Part 2: XP awards from the bus
        try (RedisClient redis = RedisClient.create(infra.redisHost(), infra.redisPort())) {
            int before = ledgerCount(infra, "comment-approved");
            long start = System.nanoTime();
            String stream = infra.namespace() + ":events:content";
            List<Response<StreamEntryID>> added = new ArrayList<>(events);
            // one pipeline: every event is written before the first reply is read
            try (Pipeline pipeline = redis.pipelined()) {
                for (int i = 0; i < events; i++) {
                    UUID comment = UUID.randomUUID();
                    UUID author = ids.get(i % 1_000);
                    Map<String, String> fields = new HashMap<>();
                    fields.put("id", UUID.randomUUID().toString());
                    fields.put("type", "content.comment-approved.v1");
                    fields.put("occurredAt", Instant.now().toString());
                    fields.put("producer", "content");
                    fields.put("aggregateId", comment.toString());
                    fields.put(
                            "payload",
                            "{\"commentId\":\"" + comment + "\",\"postId\":\"" + UUID.randomUUID()
                                    + "\",\"postSlug\":\"s\",\"postTitle\":\"t\",\"authorId\":\"" + author
                                    + "\",\"approvedAt\":\"" + Instant.now() + "\"}");
                    added.add(pipeline.xadd(stream, StreamEntryID.NEW_ENTRY, fields));
                }
                pipeline.sync();
            }
            added.forEach(Response::get); // an XADD Redis refused fails the run here, not after 10 min
            double putSeconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            int done;
            while ((done = ledgerCount(infra, "comment-approved") - before) < events) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + done + " of " + events + " awards after 10 min");
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "== XP awards from the bus: %d comment-approved events (1,000 authors) on the stream in %.2f s; all %d awards in the ledger after %.2f s = %.0f awards/s (target >= 1,000)%n",
                    events, putSeconds, events, seconds, events / seconds);
        }
        service.destroy();
        System.exit(0);
    }

    /** Users with names and ledger entries (1..200 post reads each, spread over 8 weeks), written in SQL. */
    private static List<UUID> seed(TestInfrastructure infra, int users) throws Exception {
        try (Connection c = infra.asService("learning");
                Statement s = c.createStatement()) {
            s.execute(
                    "create temporary table bench_user as select gen_random_uuid() as id, g as n from generate_series(1, "
                            + users + ") g");
            s.execute(
                    "insert into learner (user_id, display_name, time_zone) select id, 'Reader ' || n, 'UTC' from bench_user");
            s.execute("""
                    insert into xp_award (user_id, rule, source_key, points, awarded_at)
                    select u.id, 'post-read', 'bench-' || k, 10, now() - (k * interval '7 hours')
                    from bench_user u cross join lateral generate_series(1, 1 + (hashtext(u.id::text) & 2147483647) % 20) k
                    """);
            s.execute("""
                    insert into xp_total (user_id, total, level)
                    select user_id, sum(points), 1 from xp_award group by user_id
                    """);
            s.execute("analyze");
            List<UUID> ids = new ArrayList<>(users);
            try (ResultSet rs = s.executeQuery("select id from bench_user order by n")) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private static int ledgerCount(TestInfrastructure infra, String rule) throws Exception {
        try (Connection c = infra.asService("learning");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from xp_award where rule = '" + rule + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void run(
            String base,
            String path,
            List<UUID> askers,
            Map<UUID, String> bearer,
            int requests,
            int clients,
            boolean print)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                int n = requests / clients;
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    UUID u = askers.get((i * clients + client) % askers.size());
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .header("Authorization", bearer.get(u))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    out[i] = System.nanoTime() - t0;
                    if (r.statusCode() != 200 || !r.body().contains("\"rank\"")) {
                        throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
                    }
                }
                return out;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (!print) {
            return;
        }
        long[] nanos = all.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(nanos);
        System.out.printf(
                "%-55s clients=%d n=%d p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms throughput=%.0f req/s (target p99 <= 5 ms)%n",
                path,
                clients,
                nanos.length,
                at(nanos, 0.50),
                at(nanos, 0.95),
                at(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6,
                nanos.length / seconds);
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
        throw new IllegalStateException("learning-service not healthy after 600 s; see " + log);
    }
}
