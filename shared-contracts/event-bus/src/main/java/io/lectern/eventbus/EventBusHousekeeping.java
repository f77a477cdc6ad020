package io.lectern.eventbus;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * The periodic chores: purge published outbox rows and old inbox ids, trim the own stream safely and
 * refresh the gauges. Every instance runs them; each is harmless when run twice.
 */
final class EventBusHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventBusHousekeeping.class);
    private static final Duration GAUGE_INTERVAL = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final RedisClient redis;
    private final BusIdentity identity;
    private final EventBusProperties props;
    private final @Nullable OutboxRelay relay;
    private final StreamTrimmer trimmer;
    private final EventBusMetrics metrics;
    private final List<String> consumedProducers;
    private @Nullable ScheduledExecutorService scheduler;

    EventBusHousekeeping(
            JdbcClient jdbc,
            RedisClient redis,
            BusIdentity identity,
            EventBusProperties props,
            @Nullable OutboxRelay relay,
            StreamTrimmer trimmer,
            EventBusMetrics metrics,
            List<String> consumedProducers) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.identity = identity;
        this.props = props;
        this.relay = relay;
        this.trimmer = trimmer;
        this.metrics = metrics;
        this.consumedProducers = List.copyOf(consumedProducers);
    }

    void purge() {
        if (relay != null) {
            int outbox = relay.purge();
            if (outbox > 0) {
                log.info("Purged {} published outbox rows of {}", outbox, identity.schema());
            }
        }
        jdbc.sql("DELETE FROM " + identity.table("inbox") + " WHERE handled_at < now() - make_interval(secs => ?)")
                .param(props.consumer().inboxRetention().toSeconds())
                .update();
    }

    void trim() {
        long removed = trimmer.trim();
        if (removed > 0) {
            log.debug("Trimmed {} acknowledged entries from {}", removed, identity.streamKey(identity.producer()));
        }
    }

    void refreshGauges() {
        jdbc.sql(
                        "SELECT count(*) AS backlog, coalesce(extract(epoch FROM now() - min(occurred_at)) * 1000, 0) AS lag FROM "
                                + identity.table("outbox") + " WHERE status <> 'PUBLISHED'")
                .query((rs, n) -> {
                    metrics.gauge(
                            "lectern.events.outbox.backlog", "outbox rows not yet published", rs.getLong("backlog"));
                    metrics.gauge("lectern.events.relay.lag", "age in ms of the oldest unpublished outbox row", (long)
                            rs.getDouble("lag"));
                    return 0;
                })
                .single();
        for (String producer : consumedProducers) {
            String stream = identity.streamKey(producer);
            if (redis.exists(stream)) {
                for (StreamGroupInfo group : redis.xinfoGroups(stream)) {
                    if (group.getName().equals(identity.group())) {
                        metrics.gauge(
                                "lectern.events.consumer.pending",
                                "entries delivered to the group but not acknowledged",
                                group.getPending(),
                                "group",
                                group.getName(),
                                "stream",
                                producer);
                        metrics.gauge(
                                "lectern.events.consumer.lag",
                                "entries not yet delivered to the group",
                                lag(group),
                                "group",
                                group.getName(),
                                "stream",
                                producer);
                    }
                }
            }
            metrics.gauge(
                    "lectern.events.dead.letter.depth",
                    "entries in the dead-letter stream of a producer",
                    redis.xlen(identity.deadLetterKey(producer)),
                    "stream",
                    producer);
        }
    }

    /**
     * XINFO GROUPS's lag (Redis 7); Redis answers nil when it cannot tell (after deletions in the
     * stream), which counts as 0 here.
     */
    private static long lag(StreamGroupInfo group) {
        return group.getGroupInfo().get("lag") instanceof Long lag ? Math.max(0, lag) : 0;
    }

    private void every(ScheduledExecutorService s, Duration interval, String what, Runnable task) {
        long millis = Math.max(100, interval.toMillis());
        s.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.warn("Event bus {} failed: {}", what, e.toString());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lectern-event-housekeeping").daemon().factory());
        every(s, props.relay().purgeInterval(), "purge", this::purge);
        if (props.trim().enabled()) {
            every(s, props.trim().interval(), "trim", this::trim);
        }
        every(s, GAUGE_INTERVAL, "gauge refresh", this::refreshGauges);
        scheduler = s;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
