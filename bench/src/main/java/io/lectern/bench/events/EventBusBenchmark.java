package io.lectern.bench.events;

import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.eventbus.EventPublisher;
import io.lectern.eventbus.EventSubscriptions;
import io.lectern.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Outbox → Redis Stream → handler, through the real auto-configuration, on this machine's PostgreSQL
 * and Redis (a fresh database and namespace from test-support). Phase 1 pushes events as fast as the
 * producers can commit and reports the sustained rate; phase 2 paces producers at a fixed rate and
 * reports commit-to-handler latency. The handler writes one row per event, as a real one would.
 * Args: [throughput events, default 20000] [latency rate/s, default 1000] [latency seconds, default 15]
 */
@SpringBootApplication
public class EventBusBenchmark {

    static final Map<UUID, Long> COMMITTED = new ConcurrentHashMap<>();
    /** Per post: when the relay's XADD put its event on the stream (Redis's clock, the same machine's), ns. */
    static final Map<UUID, Long> ON_STREAM = new ConcurrentHashMap<>();
    /** Per post: when the handler was called, ns. */
    static final Map<UUID, Long> HANDLER_CALLED = new ConcurrentHashMap<>();
    /** System.nanoTime() minus the wall clock in ns: turns a stream id's milliseconds into nanoTime. */
    static final long WALL_TO_NANO = System.nanoTime() - System.currentTimeMillis() * 1_000_000L;

    static volatile long[] latencies = new long[0];
    static final AtomicInteger HANDLED = new AtomicInteger();

    @Bean
    EventSubscriptions subscriptions(JdbcClient jdbc) {
        return EventSubscriptions.builder()
                .on(PostDeleted.class, (event, envelope) -> {
                    Long committed = COMMITTED.get(event.postId());
                    long now = System.nanoTime();
                    HANDLER_CALLED.put(event.postId(), now);
                    jdbc.sql("INSERT INTO content.bench_applied (event_id, post_id) VALUES (?, ?)")
                            .params(envelope.eventId(), event.postId())
                            .update();
                    int n = HANDLED.getAndIncrement();
                    long[] l = latencies;
                    if (committed != null && n < l.length) {
                        l[n] = now - committed;
                    }
                })
                .build();
    }

    public static void main(String[] args) throws Exception {
        int throughputEvents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        TestInfrastructure infra = TestInfrastructure.get();
        try (Connection c = infra.asService("content");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE content.bench_applied (event_id uuid PRIMARY KEY, post_id uuid NOT NULL)");
        }
        Map<String, Object> props = new HashMap<>();
        props.put("spring.application.name", "bench");
        props.put("spring.main.banner-mode", "off");
        props.put("spring.threads.virtual.enabled", "true");
        props.put("spring.datasource.url", infra.jdbcUrl());
        props.put("spring.datasource.username", "lectern_content");
        props.put("spring.datasource.hikari.maximum-pool-size", "16");
        props.put("spring.flyway.enabled", "false");
        props.put("spring.data.redis.host", infra.redisHost());
        props.put("spring.data.redis.port", String.valueOf(infra.redisPort()));
        props.put("lectern.service.schema", "content");
        props.put("lectern.events.namespace", infra.namespace());
        props.put("lectern.events.consumer.concurrency", System.getProperty("bench.lanes", "4"));
        String txBatch = System.getProperty("bench.txBatch", "50");
        props.put("lectern.events.consumer.transaction-batch", txBatch);
        System.out.printf(
                "== JVM: %s; consumer: %s lanes, up to %s events per handler transaction; stage split read %s; machine: %d cores, load average %s%n",
                System.getProperty("bench.jit", "as launched"),
                System.getProperty("bench.lanes", "4"),
                txBatch,
                Boolean.getBoolean("bench.watch") ? "live by a second stream reader" : "from the outbox after the run",
                Runtime.getRuntime().availableProcessors(),
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                        .trim());
        props.put("logging.level.root", "warn");
        SpringApplication app = new SpringApplication(EventBusBenchmark.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(props);
        try (ConfigurableApplicationContext ctx = app.run()) {
            EventPublisher publisher = ctx.getBean(EventPublisher.class);
            TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
            streamKey = infra.namespace() + ":events:content";
            redis = ctx.getBean(RedisClient.class);
            warmUp(publisher, tx);
            throughput(publisher, tx, throughputEvents, 1);
            throughput(publisher, tx, throughputEvents, 20);
            latency(publisher, tx, rate, seconds, ctx.getBean(JdbcClient.class));
        }
        System.exit(0);
    }

    private static void warmUp(EventPublisher publisher, TransactionTemplate tx) throws Exception {
        reset(0);
        produce(publisher, tx, 2_000, 8, 0, 1);
        await(2_000, 60);
    }

    private static void throughput(EventPublisher publisher, TransactionTemplate tx, int events, int perTx)
            throws Exception {
        reset(0);
        long start = System.nanoTime();
        produce(publisher, tx, events, 8, 0, perTx);
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        await(events, 300);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "throughput: %d events, %d per transaction, 8 producer threads: committed in %.2f s, all handled in %.2f s -> %.0f events/s end to end%n",
                events, perTx, produceSeconds, seconds, events / seconds);
        SUMMARY.append(String.format(" perTx%d=%.0f", perTx, events / seconds));
    }

    /** One line per run for bench/events.sh's side-by-side table: {@code summary key=value ...}. */
    static final StringBuilder SUMMARY = new StringBuilder();

    static String streamKey = "";
    static RedisClient redis;

    private static void latency(
            EventPublisher publisher, TransactionTemplate tx, int rate, int seconds, JdbcClient jdbc) throws Exception {
        int events = rate * seconds;
        java.sql.Timestamp phaseStart = java.sql.Timestamp.from(Instant.now());
        reset(events);
        // A stream id's first part is the millisecond of the relay's XADD, which splits commit-to-handler
        // into relay (commit -> on the stream) and delivery (on the stream -> handler called: XREADGROUP,
        // dispatch to a lane, queueing). The relay keeps each row's stream id in the outbox, read after the
        // run. BENCH_WATCH=1 instead reads them live with a second reader of the stream (plain XREAD, no
        // group), as before session 13: that reader is load of its own on the same cores.
        boolean watch = Boolean.getBoolean("bench.watch");
        AtomicBoolean watching = new AtomicBoolean(watch);
        // from now on: entries of the earlier phases are older (and their posts are not among these)
        StreamEntryID[] last = {new StreamEntryID(System.currentTimeMillis(), 0)};
        Thread watcher = Thread.ofVirtual().unstarted(() -> {
            while (watching.get()) {
                // XREAD answers nothing (null) when its BLOCK ran out
                var read = redis.xread(XReadParams.xReadParams().count(1000).block(200), Map.of(streamKey, last[0]));
                if (read == null) {
                    continue;
                }
                for (var stream : read) {
                    for (StreamEntry entry : stream.getValue()) {
                        String aggregate = entry.getFields().get("aggregateId");
                        if (aggregate != null) {
                            ON_STREAM.put(
                                    UUID.fromString(aggregate), entry.getID().getTime() * 1_000_000L + WALL_TO_NANO);
                        }
                        if (entry.getID().compareTo(last[0]) > 0) {
                            last[0] = entry.getID();
                        }
                    }
                }
            }
        });
        if (watch) {
            watcher.start();
        }
        long start = System.nanoTime();
        produce(publisher, tx, events, 8, rate, 1);
        // the producers' own rate: until the last commit (the drain and the watcher's stop are not theirs)
        double producing = (System.nanoTime() - start) / 1e9;
        await(events, 120);
        double handling = (System.nanoTime() - start) / 1e9;
        if (watch) {
            Thread.sleep(500);
            watching.set(false);
            watcher.join();
        } else {
            jdbc.sql(
                            "SELECT aggregate_id, stream_id FROM content.outbox WHERE occurred_at >= ? AND stream_id IS NOT NULL")
                    .param(phaseStart)
                    .query((rs, i) -> ON_STREAM.put(
                            UUID.fromString(rs.getString(1)),
                            Long.parseLong(rs.getString(2)
                                                    .substring(
                                                            0, rs.getString(2).indexOf('-')))
                                            * 1_000_000L
                                    + WALL_TO_NANO))
                    .list();
        }
        long[] l = Arrays.copyOf(latencies, events);
        Arrays.sort(l);
        System.out.printf(
                "latency at %d events/s for %d s (%d events, committed at %.0f/s, all handled at %.0f/s): commit-to-handler p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                rate,
                seconds,
                events,
                events / producing,
                events / handling,
                l[events / 2] / 1e6,
                l[(int) (events * 0.90)] / 1e6,
                l[(int) (events * 0.99)] / 1e6,
                l[events - 1] / 1e6);
        long[] relay = new long[events];
        long[] delivery = new long[events];
        int n = 0;
        for (Map.Entry<UUID, Long> e : COMMITTED.entrySet()) {
            Long onStream = ON_STREAM.get(e.getKey());
            Long called = HANDLER_CALLED.get(e.getKey());
            if (onStream != null && called != null && n < events) {
                relay[n] = onStream - e.getValue();
                delivery[n] = called - onStream;
                n++;
            }
        }
        // A relay round marks its rows published in one statement (one now()); a handler transaction writes
        // its inbox rows with one now(): distinct timestamps count the rounds and the transactions.
        var relayRounds = jdbc.sql(
                        "SELECT count(DISTINCT published_at), count(*) FROM content.outbox WHERE occurred_at >= ?")
                .param(phaseStart)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        var handlerTx = jdbc.sql("SELECT count(DISTINCT handled_at), count(*) FROM content.inbox WHERE handled_at >= ?")
                .param(phaseStart)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        System.out.printf(
                "  relay rounds %d (%.1f events each); handler transactions %d (%.1f events each)%n",
                relayRounds[0],
                relayRounds[1] / (double) Math.max(1, relayRounds[0]),
                handlerTx[0],
                handlerTx[1] / (double) Math.max(1, handlerTx[0]));
        if (Boolean.getBoolean("bench.timeline")) {
            printSlowRelayMoments(start);
        }
        SUMMARY.append(String.format(
                " committedPerS=%.0f p50=%.1f p99=%.1f max=%.1f",
                events / producing, l[events / 2] / 1e6, l[(int) (events * 0.99)] / 1e6, l[events - 1] / 1e6));
        relay = Arrays.copyOf(relay, n);
        delivery = Arrays.copyOf(delivery, n);
        Arrays.sort(relay);
        Arrays.sort(delivery);
        if (n > 0) {
            System.out.printf(
                    "  where it goes (%d events; the stream's clock has 1 ms steps): commit -> on the stream (relay) p50 %.1f / p90 %.1f / p99 %.1f / max %.1f ms; on the stream -> handler called (consumer) p50 %.1f / p90 %.1f / p99 %.1f / max %.1f ms%n",
                    n,
                    relay[n / 2] / 1e6,
                    relay[(int) (n * 0.90)] / 1e6,
                    relay[(int) (n * 0.99)] / 1e6,
                    relay[n - 1] / 1e6,
                    delivery[n / 2] / 1e6,
                    delivery[(int) (n * 0.90)] / 1e6,
                    delivery[(int) (n * 0.99)] / 1e6,
                    delivery[n - 1] / 1e6);
            SUMMARY.append(String.format(
                    " relayP99=%.1f consumerP99=%.1f",
                    relay[(int) (n * 0.99)] / 1e6, delivery[(int) (n * 0.99)] / 1e6));
        }
        System.out.println("summary" + SUMMARY);
    }

    /**
     * Each 100 ms of the latency run (by commit time) whose slowest event took over 25 ms from commit to the
     * stream, with the wall-clock time to match against PostgreSQL's or the relay's logs.
     */
    private static void printSlowRelayMoments(long start) {
        Map<Long, long[]> buckets = new java.util.TreeMap<>();
        COMMITTED.forEach((post, committed) -> {
            Long onStream = ON_STREAM.get(post);
            if (onStream != null) {
                long[] slot = buckets.computeIfAbsent((committed - start) / 100_000_000L, k -> new long[2]);
                slot[0] = Math.max(slot[0], onStream - committed);
                slot[1]++;
            }
        });
        long wallAtStart = System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000L;
        buckets.forEach((slot, v) -> {
            if (v[0] > 25_000_000L) {
                System.out.printf(
                        "  slow relay at +%.1f s (%tT.%<tL): max %.1f ms over %d events%n",
                        slot / 10.0, wallAtStart + slot * 100, v[0] / 1e6, v[1]);
            }
        });
    }

    private static void reset(int latencySlots) {
        ON_STREAM.clear();
        HANDLER_CALLED.clear();
        COMMITTED.clear();
        HANDLED.set(0);
        latencies = new long[latencySlots];
    }

    /** Commits {@code events} single-event transactions from {@code threads} threads, paced if rate > 0. */
    private static void produce(
            EventPublisher publisher, TransactionTemplate tx, int events, int threads, int rate, int perTx)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    try {
                        int n;
                        while ((n = next.getAndAdd(perTx)) < events) {
                            if (rate > 0) {
                                long due = start + (long) n * 1_000_000_000L / rate;
                                long wait = due - System.nanoTime();
                                if (wait > 0) {
                                    TimeUnit.NANOSECONDS.sleep(wait);
                                }
                            }
                            int count = Math.min(perTx, events - n);
                            UUID[] posts = new UUID[count];
                            tx.executeWithoutResult(s -> {
                                for (int i = 0; i < count; i++) {
                                    posts[i] = UUID.randomUUID();
                                    publisher.publish(
                                            posts[i].toString(), new PostDeleted(posts[i], "b", Instant.now(), 1));
                                }
                            });
                            long committed = System.nanoTime();
                            for (UUID post : posts) {
                                COMMITTED.put(post, committed);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        e.printStackTrace();
                        throw e;
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        }
    }

    private static void await(int events, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (HANDLED.get() < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + HANDLED.get() + " of " + events + " handled in time");
            }
            Thread.sleep(5); // the benchmark's own progress poll, not a test wait
        }
    }
}
