package io.lectern.bench.content;

import io.lectern.testsupport.TestInfrastructure;
import io.lectern.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Search latency of the real content-service at 10,000 posts. A fresh database (test-support: created
 * with the production init script, dropped when this JVM exits) and a Redis namespace of its own; the
 * service jar runs as a child process against them with its own Flyway migrations; posts are loaded
 * through the admin Markdown import (the same domain path as the editor), then {@code GET /api/v1/search}
 * is timed end to end over HTTP (closed loop: each client sends its next query when the answer arrives).
 *
 * <p>Args: {@code <content-service jar> [posts=10000] [queries=400] [clients=1,4,8]}
 */
public final class SearchBenchmark {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int postCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int queryCount = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        int[] clientCounts = Arrays.stream((args.length > 3 ? args[3] : "1,4,8").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();

        // every client keeps its connection between searches (the JDK keeps 5 idle ones by default)
        System.setProperty("http.maxConnections", "64");
        TestInfrastructure infra = TestInfrastructure.get();
        TestTokens tokens = TestTokens.get();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        File log = File.createTempFile("content-bench-", ".log");
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
                        // Nothing consumes this run's events: keep them in the (throwaway) outbox.
                        "--lectern.events.relay.enabled=false",
                        "--lectern.events.consumer.enabled=false",
                        // a fresh random secret per run: the service refuses to start without one
                        "--LECTERN_SEAL_KEY=" + java.util.Base64.getEncoder().encodeToString(seed(32)),
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
        Corpus corpus = new Corpus(42);
        List<Corpus.Post> posts = new ArrayList<>(postCount);
        for (int i = 0; i < postCount; i++) {
            posts.add(corpus.post(i));
        }
        String admin = "Bearer " + tokens.token(UUID.randomUUID(), "admin");
        long loadStart = System.nanoTime();
        long bytes = 0;
        for (int from = 0; from < postCount; from += 500) {
            byte[] zip = zip(posts.subList(from, Math.min(postCount, from + 500)));
            bytes += zip.length;
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/import/markdown"))
                            .header("Authorization", admin)
                            .header("Content-Type", "application/zip")
                            .timeout(Duration.ofMinutes(10))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("import answered " + r.statusCode() + ": " + r.body());
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        try (Connection c = infra.admin(infra.database());
                Statement s = c.createStatement()) {
            // as autovacuum leaves a table: the import wrote each post three times, and a vacuum running
            // during the timed passes would be counted as PostgreSQL's CPU per search
            s.execute("VACUUM ANALYZE content.post");
            try (ResultSet rs = s.executeQuery(
                    "select count(*), pg_size_pretty(pg_total_relation_size('content.post')), avg(length(markdown))::int from content.post where status = 'PUBLISHED'")) {
                rs.next();
                System.out.printf(
                        "== loaded %d published posts through the Markdown import in %.1f s (%.0f posts/s, %d zips, %.1f MB), table+indexes %s, avg body %d chars%n",
                        rs.getLong(1),
                        loadSeconds,
                        postCount / loadSeconds,
                        (postCount + 499) / 500,
                        bytes / 1e6,
                        rs.getString(2),
                        rs.getInt(3));
            }
        }

        List<String[]> queries = corpus.queries(posts, queryCount);
        run(
                base,
                service.pid(),
                queries.subList(0, Math.min(100, queries.size())),
                2,
                false,
                false); // warm-up: JIT, caches, pools
        System.out.printf(
                "== %d queries (title words, body word, stemmed form, multi-word), anonymous reader, limit 20%n",
                queries.size());
        for (int clients : clientCounts) {
            run(base, service.pid(), queries, clients, true, clients == clientCounts[0]);
        }
        // The first pass follows a 200-request warm-up, when the service's JIT is still compiling beside
        // the load on two cores; the same pass again, after every run above, is the warm service.
        System.out.printf("== the first pass again, the service warm after the runs above:%n");
        run(base, service.pid(), queries, clientCounts[0], true, false);
        compareStatements(infra, queries);
        service.destroy();
        service.waitFor();
        String copy = System.getenv("BENCH_COPY_DB");
        if (copy != null && !copy.isBlank()) {
            // For EXPLAIN ANALYZE by hand on the same 10,000 posts: a copy outlives this run's database.
            try (Connection c = infra.admin("postgres");
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists \"" + copy + "\"");
                s.execute("create database \"" + copy + "\" template \"" + infra.database() + "\"");
            }
            System.out.printf("== database copied to %s (drop it when done)%n", copy);
        }
        System.exit(0);
    }

    private static void run(
            String base, long servicePid, List<String[]> queries, int clients, boolean print, boolean byKind)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long self = ProcessHandle.current().pid();
        long[] cpu0 = {ProcessCpu.of(servicePid), ProcessCpu.postgres(), ProcessCpu.of(self)};
        List<Future<List<long[]>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int offset = c * queries.size() / clients;
            futures.add(pool.submit(() -> {
                List<long[]> out = new ArrayList<>();
                for (int i = 0; i < queries.size(); i++) {
                    String[] q = queries.get((i + offset) % queries.size());
                    long t0 = System.nanoTime();
                    String body = search(base + "/api/v1/search?q=" + URLEncoder.encode(q[1], StandardCharsets.UTF_8));
                    long t = System.nanoTime() - t0;
                    if (body == null) {
                        throw new IllegalStateException("search '" + q[1] + "' did not answer 200");
                    }
                    out.add(new long[] {kindIndex(q[0]), t, body.contains("\"slug\"") ? 1 : 0});
                }
                return out;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> f : futures) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] cpu1 = {ProcessCpu.of(servicePid), ProcessCpu.postgres(), ProcessCpu.of(self)};
        pool.shutdown();
        if (!print) {
            return;
        }
        long hits = all.stream().filter(r -> r[2] == 1).count();
        System.out.printf(
                "clients=%d requests=%d  %s  throughput=%.0f req/s  non-empty=%d%%%n",
                clients,
                all.size(),
                percentiles(all.stream().mapToLong(r -> r[1]).toArray()),
                all.size() / seconds,
                100 * hits / all.size());
        double[] perRequest = new double[3];
        for (int i = 0; i < 3; i++) {
            perRequest[i] = (cpu1[i] - cpu0[i]) * ProcessCpu.MICROS_PER_TICK / all.size();
        }
        System.out.printf(
                "   CPU per request: service %.0f us, PostgreSQL %.0f us, load generator %.0f us; together %.0f us"
                        + " (%.0f%% of %d cores)%n",
                perRequest[0],
                perRequest[1],
                perRequest[2],
                perRequest[0] + perRequest[1] + perRequest[2],
                (perRequest[0] + perRequest[1] + perRequest[2])
                        * all.size()
                        / seconds
                        / 1e4
                        / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
        if (byKind) {
            Map<String, List<Long>> kinds = new LinkedHashMap<>();
            for (long[] r : all) {
                kinds.computeIfAbsent(KINDS[(int) r[0]], k -> new ArrayList<>()).add(r[1]);
            }
            kinds.forEach((kind, l) -> System.out.printf(
                    "   %-8s n=%-4d %s%n",
                    kind,
                    l.size(),
                    percentiles(l.stream().mapToLong(Long::longValue).toArray())));
        }
    }

    /**
     * One search over a kept-alive connection; null unless it answered 200. The load generator shares the
     * two cores with the service and PostgreSQL, so it is the JDK's plain blocking client: the
     * asynchronous {@code java.net.http} client cost 0.6-1.0 ms of CPU per request at 8 clients (session
     * 8), a tenth of all the CPU a search took.
     */
    private static String search(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(60_000);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return status == 200 ? body : null;
        }
    }

    /** The search statement before ADR 0034: every match ranked on its whole (toasted) vector. */
    static final String BEFORE = """
            with q as (select websearch_to_tsquery('english', ?) as query),
            hits as (
              select p.id, p.slug, p.title, p.excerpt, p.markdown, p.premium, p.published_at,
                ts_rank_cd(p.search_public, q.query, 32) as rank, q.query
              from content.post p, q
              where p.status = 'PUBLISHED' and p.search_public @@ q.query
              order by rank desc, p.published_at desc limit 20)
            select id, slug, title, excerpt, premium, published_at, rank,
              ts_headline('english', case when premium then excerpt else excerpt || ' ' || markdown end,
                query, 'MaxFragments=2, MaxWords=30, MinWords=10, StartSel=<mark>, StopSel=</mark>') as snippet
            from hits order by rank desc, published_at desc
            """;

    /** The statement of ADR 0034 (as SearchController runs it for an anonymous reader, no filters). */
    static final String AFTER = """
            with candidates as (
              select p.id, p.published_at from content.post p
              where p.status = 'PUBLISHED' and p.search_public @@ websearch_to_tsquery('english', ?)
              order by ts_rank_cd(p.search_head, websearch_to_tsquery('english', ?), 32) desc, p.published_at desc
              limit 100),
            hits as (
              select c.id, c.published_at, ts_rank_cd(p.search_public, websearch_to_tsquery('english', ?), 32) as rank
              from candidates c join content.post p on p.id = c.id
              order by rank desc, c.published_at desc limit 20)
            select p.id, p.slug, p.title, p.excerpt, p.premium, h.published_at, h.rank,
              ts_headline('english', case when p.premium then p.excerpt else p.excerpt || ' ' || left(p.markdown, 2000) end,
                websearch_to_tsquery('english', ?),
                'MaxFragments=2, MaxWords=30, MinWords=10, StartSel=<mark>, StopSel=</mark>') as snippet
            from hits h join content.post p on p.id = h.id
            order by h.rank desc, h.published_at desc
            """;

    /**
     * The statement of ADR 0036 (as SearchController runs it for an anonymous reader, no filters, planned
     * for its words each time): the window of ADR 0034 built from the best head matches and the most
     * recent matches, not from every match.
     */
    static final String NOW = """
            with head as (
              select p.id from content.post p
              where p.status = 'PUBLISHED' and p.search_head @@ websearch_to_tsquery('english', ?)
              order by ts_rank_cd(p.search_head, websearch_to_tsquery('english', ?), 32) desc, p.published_at desc, p.id desc
              limit 100),
            recent as (
              select p.id from content.post p
              where p.status = 'PUBLISHED' and p.search_public @@ websearch_to_tsquery('english', ?)
              order by p.published_at desc, p.id desc
              limit 100),
            candidates as (
              select p.id, p.published_at from content.post p
              where p.id in (select id from head union select id from recent)
              order by ts_rank_cd(p.search_head, websearch_to_tsquery('english', ?), 32) desc, p.published_at desc, p.id desc
              limit 100),
            hits as (
              select c.id, c.published_at, ts_rank_cd(p.search_public, websearch_to_tsquery('english', ?), 32) as rank
              from candidates c join content.post p on p.id = c.id
              order by rank desc, c.published_at desc, c.id desc limit 20)
            select p.id, p.slug, p.title, p.excerpt, p.premium, h.published_at, h.rank,
              ts_headline('english', case when p.premium then p.excerpt else p.excerpt || ' ' || left(p.markdown, 2000) end,
                websearch_to_tsquery('english', ?),
                'MaxFragments=2, MaxWords=30, MinWords=10, StartSel=<mark>, StopSel=</mark>') as snippet
            from hits h join content.post p on p.id = h.id
            order by h.rank desc, h.published_at desc, h.id desc
            """;

    /**
     * The statement of ADR 0037 (as SearchController runs it for an anonymous reader, no filters): ADR
     * 0036's, returning each hit's snippet source and the parsed query instead of ts_headline's snippet
     * (the service cuts the snippets: not timed here, it is in the HTTP figures), and not looking for the
     * newest matches when the head matches fill the window.
     */
    static final String SNIPPETS_IN_SERVICE = """
            with head as (
              select p.id from content.post p
              where p.status = 'PUBLISHED' and p.search_head @@ websearch_to_tsquery('english', ?)
              order by ts_rank_cd(p.search_head, websearch_to_tsquery('english', ?), 32) desc, p.published_at desc, p.id desc
              limit 100),
            recent as (
              select p.id from content.post p
              where p.status = 'PUBLISHED' and p.search_public @@ websearch_to_tsquery('english', ?)
                and (select count(*) from head) < 100
              order by p.published_at desc, p.id desc
              limit 100),
            candidates as (
              select p.id, p.published_at from content.post p
              where p.id in (select id from head union select id from recent)
              order by ts_rank_cd(p.search_head, websearch_to_tsquery('english', ?), 32) desc, p.published_at desc, p.id desc
              limit 100),
            hits as (
              select c.id, c.published_at, ts_rank_cd(p.search_public, websearch_to_tsquery('english', ?), 32) as rank
              from candidates c join content.post p on p.id = c.id
              order by rank desc, c.published_at desc, c.id desc limit 20)
            select p.id, p.slug, p.title, p.excerpt, p.premium, h.published_at, h.rank,
              case when p.premium then p.excerpt else p.excerpt || ' ' || left(p.markdown, 2000) end as snippet,
              websearch_to_tsquery('english', ?)::text as tsquery
            from hits h join content.post p on p.id = h.id
            order by h.rank desc, h.published_at desc, h.id desc
            """;

    /** The four statements over JDBC, interleaved query by query, on the same data: the before/after ratios. */
    private static void compareStatements(TestInfrastructure infra, List<String[]> queries) throws Exception {
        try (Connection c = infra.admin(infra.database())) {
            long[] before = new long[queries.size()];
            long[] after = new long[queries.size()];
            long[] window = new long[queries.size()];
            long[] now = new long[queries.size()];
            for (int round = 0; round < 2; round++) { // round 0 warms all four up
                for (int i = 0; i < queries.size(); i++) {
                    String q = queries.get(i)[1];
                    before[i] = time(c, BEFORE, q, 1);
                    after[i] = time(c, AFTER, q, 4);
                    window[i] = timeCustomPlan(c, NOW, q, 6);
                    now[i] = timeCustomPlan(c, SNIPPETS_IN_SERVICE, q, 6);
                }
            }
            double b95 = at(sortedCopy(before), 0.95);
            double a95 = at(sortedCopy(after), 0.95);
            double w95 = at(sortedCopy(window), 0.95);
            double n95 = at(sortedCopy(now), 0.95);
            System.out.printf(
                    "== SQL only, one connection, interleaved on the same data:%n   ADR 0033 %s%n   ADR 0034 %s%n   ADR 0036 %s%n"
                            + "   ADR 0037 %s (snippets cut by the service, not in this figure)%n"
                            + "   p95: ADR 0036 is %.1fx faster than ADR 0034, %.1fx faster than ADR 0033;"
                            + " ADR 0037's statement %.1fx faster than ADR 0036's%n",
                    percentiles(before.clone()),
                    percentiles(after.clone()),
                    percentiles(window.clone()),
                    percentiles(now.clone()),
                    a95 / w95,
                    b95 / w95,
                    w95 / n95);
        }
    }

    /** As SearchController runs it: in a read-only transaction that plans the statement for these words. */
    private static long timeCustomPlan(Connection c, String sql, String q, int params) throws Exception {
        long t0 = System.nanoTime();
        c.setAutoCommit(false);
        try (java.sql.Statement set = c.createStatement()) {
            set.execute("set local plan_cache_mode = force_custom_plan");
        }
        time(c, sql, q, params);
        c.commit();
        c.setAutoCommit(true);
        return System.nanoTime() - t0;
    }

    private static long time(Connection c, String sql, String q, int params) throws Exception {
        long t0 = System.nanoTime();
        try (java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int p = 1; p <= params; p++) {
                s.setString(p, q);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getString("snippet"); // ADR 0037: the snippet's source
                }
            }
        }
        return System.nanoTime() - t0;
    }

    private static long[] sortedCopy(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static byte[] seed(int bytes) {
        byte[] out = new byte[bytes];
        new java.security.SecureRandom().nextBytes(out);
        return out;
    }

    private static final String[] KINDS = {"title", "body", "stemmed", "multi"};

    private static int kindIndex(String kind) {
        return Arrays.asList(KINDS).indexOf(kind);
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

    private static byte[] zip(List<Corpus.Post> posts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Corpus.Post p : posts) {
                zip.putNextEntry(new ZipEntry("posts/" + p.slug() + ".md"));
                String front = "---\ntitle: \"" + p.title() + "\"\nslug: " + p.slug() + "\ntags: "
                        + p.tags().stream().map(t -> "\"" + t + "\"").toList() + "\npremium: " + p.premium()
                        + "\ndate: 2024-01-01T00:00:00Z\n---\n\n";
                zip.write((front + p.markdown() + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void waitForHealth(String base, Process service, File log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("content-service exited; see " + log);
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
        throw new IllegalStateException("content-service did not become healthy in 300 s; see " + log);
    }
}
