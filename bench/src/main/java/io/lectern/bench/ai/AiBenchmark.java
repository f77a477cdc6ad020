package io.lectern.bench.ai;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.lectern.testsupport.TestInfrastructure;
import io.lectern.testsupport.TestTokens;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;

/**
 * ai-service on this machine: query embedding time (the in-process model, loaded from a file as the
 * service does), HNSW recall@10 against exact search at 100,000 × 384 vectors with and without the
 * premium filter, hybrid search latency at 20 concurrent users and Ask-AI time to the first
 * {@code sources} event through the real ai-service jar, and that process's RSS with the model loaded.
 *
 * <p>Vectors are synthetic (500 Gaussian clusters, unit length, 30% of chunks premium) so 100,000 rows
 * load in seconds; query text still goes through the service's real embedding and full-text legs.
 *
 * <p>Args: {@code <ai-service jar> [rows=100000] [recallQueries=200] [users=20] [requestsPerUser=25]}
 */
public final class AiBenchmark {

    static final int DIM = 384;
    static final String MODEL = "all-minilm-l6-v2-q";
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] WORDS = ("postgres index vacuum replication checkpoint query planner join cache redis stream "
                    + "consumer event outbox retry timeout breaker token jwt password hash salt cors csrf thread "
                    + "virtual record memory heap garbage collector transaction rollback docker kubernetes probe "
                    + "rebase merge header etag vector embedding chunk recall latency budget schema migration")
            .split(" ");

    private AiBenchmark() {}

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int recallQueries = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int users = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int perUser = args.length > 4 ? Integer.parseInt(args[4]) : 25;
        System.out.printf(
                "== machine: %d cores, load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());

        embeddingTiming();

        TestInfrastructure infra = TestInfrastructure.get();
        TestTokens tokens = TestTokens.get();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        File log = File.createTempFile("ai-bench-", ".log");
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(
                        javaCommand,
                        "-Xmx96m",
                        "-Xss512k",
                        "-XX:+UseSerialGC",
                        "-XX:MaxMetaspaceSize=160m",
                        "-XX:ReservedCodeCacheSize=48m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar,
                        "--server.port=" + port,
                        "--LECTERN_DB_HOST=" + infra.pgHost(),
                        "--LECTERN_DB_PORT=" + infra.pgPort(),
                        "--LECTERN_DB_NAME=" + infra.database(),
                        "--LECTERN_REDIS_HOST=" + infra.redisHost(),
                        "--LECTERN_REDIS_PORT=" + infra.redisPort(),
                        "--lectern.events.namespace=" + infra.namespace(),
                        "--lectern.security.jwk-set-uri=" + tokens.jwkSetUri(),
                        "--lectern.security.issuer=" + TestTokens.ISSUER,
                        "--lectern.security.audience=" + TestTokens.AUDIENCE,
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(log);
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        Process service = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::destroy));
        String base = "http://127.0.0.1:" + port;
        waitForHealth(base, service, log);
        System.out.printf("ai-service RSS after start (model loaded at start): %d MB%n", rssMb(service.pid()));

        try (Connection c = infra.admin(infra.database())) {
            long t0 = System.nanoTime();
            load(c, rows);
            System.out.printf(
                    "loaded %,d chunk vectors and built HNSW (m 16, ef_construction 64) in %.1f s%n",
                    rows, (System.nanoTime() - t0) / 1e9);
            recall(c, recallQueries);
        }

        hybridLatency(base, tokens, users, perUser);
        firstSources(base);
        System.out.printf(
                "ai-service RSS after the load (model loaded, %,d rows): %d MB (target ≤ 230 MB)%n",
                rows, rssMb(service.pid()));
        service.destroy();
    }

    static void embeddingTiming() throws Exception {
        Path dir = Files.createTempDirectory("ai-bench-model");
        Path model = extract("/all-minilm-l6-v2-q.onnx", dir);
        Path tokenizer = extract("/all-minilm-l6-v2-q-tokenizer.json", dir);
        OnnxEmbeddingModel m = new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN, Runnable::run);
        Random r = new Random(7);
        for (int i = 0; i < 30; i++) {
            m.embed(question(r));
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String q = question(r);
            long t = System.nanoTime();
            m.embed(q);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        List<TextSegment> batch = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            batch.add(TextSegment.from(String.join(" ", Collections.nCopies(20, question(r)))));
        }
        long t = System.nanoTime();
        m.embedAll(batch);
        double batchMs = (System.nanoTime() - t) / 1e6;
        System.out.printf(
                "query embedding (%s, ~8 words): p50 %.1f ms, p95 %.1f ms (target p50 ≤ 10 ms); 16 chunks of ~160 words: %.0f ms%n",
                MODEL, pct(ms, 50), pct(ms, 95), batchMs);
    }

    static void load(Connection c, int rows) throws Exception {
        int posts = Math.max(1, rows / 100);
        Random r = new Random(42);
        float[][] centers = new float[500][DIM];
        for (float[] center : centers) {
            for (int i = 0; i < DIM; i++) {
                center[i] = (float) r.nextGaussian();
            }
            normalize(center);
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO ai, public");
            s.execute("DROP INDEX IF EXISTS chunk_embedding_hnsw");
            StringBuilder postCsv = new StringBuilder();
            for (int p = 0; p < posts; p++) {
                postCsv.append(postId(p))
                        .append(",bench-")
                        .append(p)
                        .append(",Bench post ")
                        .append(p)
                        .append(",excerpt,00000000-0000-0000-0000-0000000000a1,,,{bench},beginner,")
                        .append(p % 10 < 3)
                        .append(",md,h,1,2026-01-01T00:00:00Z,2026-01-01T00:00:00Z\n");
            }
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY post (id, slug, title, excerpt, author_id, series_id, series_slug, tags, difficulty, premium,"
                                    + " markdown, content_hash, version, published_at, updated_at) FROM STDIN WITH (FORMAT csv)",
                            new StringReader(postCsv.toString()));
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                int p = i / 100;
                float[] v = centers[r.nextInt(centers.length)].clone();
                for (int d = 0; d < DIM; d++) {
                    v[d] += (float) (r.nextGaussian() * 0.6 / Math.sqrt(DIM)) * 4;
                }
                normalize(v);
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 40; w++) {
                    text.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
                }
                csv.append(UUID.randomUUID())
                        .append(',')
                        .append(postId(p))
                        .append(',')
                        .append(MODEL)
                        .append(',')
                        .append(i % 100)
                        .append(",Section,section,")
                        .append(text)
                        .append(",h")
                        .append(i)
                        .append(",Bench post ")
                        .append(p)
                        .append(',')
                        .append(p % 10 < 3)
                        .append(",,{bench},beginner,\"")
                        .append(literal(v))
                        .append("\"\n");
                if (csv.length() > 8_000_000 || i == rows - 1) {
                    c.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                    "COPY chunk (id, post_id, model, ordinal, heading_path, anchor, content, content_hash, title,"
                                            + " premium, series_slug, tags, difficulty, embedding) FROM STDIN WITH (FORMAT csv)",
                                    new StringReader(csv.toString()));
                    csv.setLength(0);
                }
            }
            s.execute("SET maintenance_work_mem = '256MB'");
            s.execute("CREATE INDEX chunk_embedding_hnsw ON chunk USING hnsw (embedding vector_cosine_ops)"
                    + " WITH (m = 16, ef_construction = 64)");
            s.execute("ANALYZE chunk");
        }
    }

    static void recall(Connection c, int queries) throws Exception {
        Random r = new Random(99);
        List<String> qs = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT embedding::text FROM ai.chunk ORDER BY random() LIMIT " + queries)) {
            while (rs.next()) {
                float[] v = parse(rs.getString(1));
                for (int d = 0; d < DIM; d++) {
                    v[d] += (float) (r.nextGaussian() * 0.02);
                }
                normalize(v);
                qs.add(literal(v));
            }
        }
        for (boolean premiumFilter : new boolean[] {false, true}) {
            double recallSum = 0;
            int shortResults = 0;
            List<Double> ms = new ArrayList<>();
            String where =
                    premiumFilter ? "WHERE model = '" + MODEL + "' AND NOT premium" : "WHERE model = '" + MODEL + "'";
            for (String q : qs) {
                Set<String> exact = top10(c, q, where, true);
                long t = System.nanoTime();
                Set<String> approx = top10(c, q, where, false);
                ms.add((System.nanoTime() - t) / 1e6);
                approx.retainAll(exact);
                recallSum += approx.size() / 10.0;
                if (approx.size() < 10 && top10(c, q, where, false).size() < 10) {
                    shortResults++;
                }
            }
            System.out.printf(
                    "HNSW recall@10 vs exact (%s, ef_search 100, iterative scan relaxed_order, %d queries): %.3f"
                            + " (target ≥ 0.95); queries returning < 10 rows: %d; p50 %.1f ms%n",
                    premiumFilter ? "free reader: premium chunks (30%) filtered" : "no filter",
                    qs.size(),
                    recallSum / qs.size(),
                    shortResults,
                    pct(ms, 50));
        }
    }

    static Set<String> top10(Connection c, String q, String where, boolean exact) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL search_path TO ai, public");
            s.execute("SET LOCAL hnsw.ef_search = 100");
            s.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
            if (exact) {
                s.execute("SET LOCAL enable_indexscan = off");
            }
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT id FROM chunk " + where + " ORDER BY embedding <=> '" + q + "'::vector LIMIT 10")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            c.commit();
            return ids;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static void hybridLatency(String base, TestTokens tokens, int users, int perUser) throws Exception {
        String free = "Bearer " + tokens.token(UUID.randomUUID());
        Random r = new Random(5);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < users * perUser; i++) {
            queries.add(question(r));
        }
        for (int i = 0; i < 40; i++) { // warm-up
            get(base + "/api/v1/hybrid-search?q=" + URLEncoder.encode(queries.get(i), StandardCharsets.UTF_8), free);
        }
        List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(users)) {
            List<Future<?>> done = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                int user = u;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perUser; i++) {
                        String q = queries.get(user * perUser + i);
                        long t = System.nanoTime();
                        int status = get(
                                base + "/api/v1/hybrid-search?limit=10&q="
                                        + URLEncoder.encode(q, StandardCharsets.UTF_8),
                                free);
                        if (status != 200) {
                            throw new IllegalStateException("search answered " + status);
                        }
                        ms.add((System.nanoTime() - t) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "hybrid search, %d concurrent users, %d requests (new query text each: embedding + HNSW + full-text + RRF):"
                        + " p50 %.0f ms, p95 %.0f ms (target p95 ≤ 50 ms), %.0f req/s%n",
                users, ms.size(), pct(ms, 50), pct(ms, 95), ms.size() / seconds);
    }

    static void firstSources(String base) throws Exception {
        Random r = new Random(11);
        List<Double> first = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = "{\"question\":\"" + question(r) + "?\"}";
            long t = System.nanoTime();
            HttpResponse<InputStream> resp = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/ai/ask"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
                String line;
                boolean seen = false;
                while ((line = in.readLine()) != null) {
                    if (!seen && line.startsWith("event:sources")) {
                        first.add((System.nanoTime() - t) / 1e6);
                        seen = true;
                    }
                }
            }
            total.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf(
                "Ask-AI (extractive, anonymous): time to first `sources` event p50 %.0f ms, p95 %.0f ms;"
                        + " whole answer p50 %.0f ms%n",
                pct(first, 50), pct(first, 95), pct(total, 50));
    }

    static int get(String url, String bearer) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", bearer)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static String question(Random r) {
        StringBuilder sb = new StringBuilder("how does");
        for (int i = 0; i < 6; i++) {
            sb.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    static UUID postId(int p) {
        return UUID.nameUUIDFromBytes(("bench-post-" + p).getBytes(StandardCharsets.UTF_8));
    }

    static void normalize(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) n;
        }
    }

    static String literal(float[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "%.5f", v[i]));
        }
        return sb.append(']').toString();
    }

    static float[] parse(String s) {
        String[] parts = s.substring(1, s.length() - 1).split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.parseFloat(parts[i]);
        }
        return v;
    }

    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static long rssMb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }

    static Path extract(String resource, Path dir) throws Exception {
        Path target = dir.resolve(resource.substring(1));
        try (InputStream in = AiBenchmark.class.getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    static void waitForHealth(String base, Process service, File log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("ai-service exited:\n" + Files.readString(log.toPath()));
            }
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("ai-service did not become ready; log: " + log);
    }
}
