package io.lectern.eventbus;

import io.lectern.contracts.events.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;

/**
 * Moves committed outbox rows to the service's stream. A batch is claimed in one short statement
 * ({@code FOR UPDATE SKIP LOCKED}, then leased), so several relays share the work; a row whose
 * aggregate has an earlier unpublished row is never claimed, which keeps each aggregate's order on the
 * stream. Woken in-process after a commit that wrote events through this JVM's {@link EventPublisher}
 * ({@link #wake()}), with polling as the fallback for rows written any other way (another instance whose
 * relay is busy, SQL by hand): every poll interval when idle, every busy poll interval while it has
 * recently found rows. No NOTIFY: PostgreSQL serializes the commits of every transaction that notifies
 * (ADR 0104).
 */
final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    record Row(
            long seq,
            String id,
            String aggregateId,
            String type,
            String payload,
            Instant occurredAt,
            @Nullable String traceId,
            int attempts) {}

    private final JdbcClient jdbc;
    private final RedisClient redis;
    private final BusIdentity identity;
    private final EventBusProperties.Relay props;
    private final EventBusMetrics metrics;
    private final String claimSql;
    private final String publishedSql;
    private final String failedSql;
    private final String purgeSql;
    private final String replaySql;
    /** A permit means "look now": released by {@link #wake()}, at most one outstanding. */
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private volatile @Nullable Thread thread;

    OutboxRelay(
            DataSource dataSource,
            RedisClient redis,
            BusIdentity identity,
            EventBusProperties.Relay props,
            EventBusMetrics metrics) {
        this.jdbc = JdbcClient.create(dataSource);
        this.redis = redis;
        this.identity = identity;
        this.props = props;
        this.metrics = metrics;
        String outbox = identity.table("outbox");
        this.claimSql = """
                WITH next AS (
                    SELECT o.seq FROM %1$s o
                    WHERE ((o.status = 'PENDING' AND o.next_attempt_at <= now())
                           OR (o.status = 'LEASED' AND o.lease_until < now()))
                      AND NOT EXISTS (SELECT 1 FROM %1$s e
                                      WHERE e.aggregate_id = o.aggregate_id AND e.seq < o.seq
                                        AND e.status <> 'PUBLISHED')
                    ORDER BY o.seq
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                UPDATE %1$s o
                SET status = 'LEASED', lease_owner = ?, lease_until = now() + make_interval(secs => ?),
                    attempts = o.attempts + 1
                FROM next WHERE o.seq = next.seq
                RETURNING o.seq, o.id, o.aggregate_id, o.type, o.payload::text AS payload, o.occurred_at,
                          o.trace_id, o.attempts
                """.formatted(outbox);
        this.publishedSql = """
                UPDATE %s o SET status = 'PUBLISHED', published_at = now(), stream_id = p.stream_id,
                                lease_owner = NULL, lease_until = NULL, last_error = NULL
                FROM unnest(?::bigint[], ?::text[]) AS p(seq, stream_id)
                WHERE o.seq = p.seq AND o.status = 'LEASED' AND o.lease_owner = ?
                """.formatted(outbox);
        this.failedSql = """
                UPDATE %s SET status = 'PENDING', lease_owner = NULL, lease_until = NULL, last_error = ?,
                    next_attempt_at = now() + make_interval(secs => least(?, ? * power(2, greatest(attempts - 1, 0))))
                WHERE seq = ANY(?::bigint[]) AND status = 'LEASED' AND lease_owner = ?
                """.formatted(outbox);
        this.purgeSql = """
                DELETE FROM %1$s WHERE seq IN (
                    SELECT seq FROM %1$s WHERE status = 'PUBLISHED' AND published_at < now() - make_interval(secs => ?)
                    LIMIT 10000)
                """.formatted(outbox);
        this.replaySql = """
                UPDATE %s SET status = 'PENDING', next_attempt_at = now(), attempts = 0, last_error = NULL
                WHERE status = 'PUBLISHED' AND occurred_at >= ?
                """.formatted(outbox);
    }

    /** Claims, publishes and marks one batch; returns how many rows were claimed. */
    int relayOnce() {
        long start = System.nanoTime();
        List<Row> rows = claim(props.batchSize());
        if (!rows.isEmpty()) {
            publish(rows, start);
        }
        return rows.size();
    }

    List<Row> claim(int limit) {
        return jdbc
                .sql(claimSql)
                .params(limit, identity.instance(), seconds(props.lease()))
                .query((rs, n) -> new Row(
                        rs.getLong("seq"),
                        rs.getString("id"),
                        rs.getString("aggregate_id"),
                        rs.getString("type"),
                        rs.getString("payload"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("trace_id"),
                        rs.getInt("attempts")))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(Row::seq))
                .toList();
    }

    void publish(List<Row> rows, long claimedAtNanos) {
        String key = identity.streamKey(identity.producer());
        String[] ids = new String[rows.size()];
        // one round trip for the whole batch; a failed XADD makes its get() throw
        try (Pipeline pipeline = redis.pipelined()) {
            List<Response<StreamEntryID>> added = new ArrayList<>(rows.size());
            for (Row row : rows) {
                added.add(pipeline.xadd(key, StreamEntryID.NEW_ENTRY, StreamEntries.toFields(envelope(row))));
            }
            pipeline.sync();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = added.get(i).get().toString();
            }
        } catch (RuntimeException e) {
            // Some entries may have reached the stream: they are sent again, and inboxes drop the copies.
            log.warn("Publishing {} outbox rows to {} failed, will retry: {}", rows.size(), key, e.toString());
            metrics.publishFailed(rows.size());
            jdbc.sql(failedSql)
                    .params(
                            truncate(e.toString()),
                            seconds(props.maxRetryBackoff()),
                            seconds(props.retryBackoff()),
                            rows.stream().map(Row::seq).toArray(Long[]::new),
                            identity.instance())
                    .update();
            return;
        }
        Long[] seqs = rows.stream().map(Row::seq).toArray(Long[]::new);
        int marked =
                jdbc.sql(publishedSql).params(seqs, ids, identity.instance()).update();
        if (marked < rows.size()) {
            // the lease ran out while publishing and another relay took the rows: they go out twice
            log.warn(
                    "Lease on {} of {} outbox rows expired before they were marked published ({} ms after the claim);"
                            + " raise lectern.events.relay.lease",
                    rows.size() - marked,
                    rows.size(),
                    (System.nanoTime() - claimedAtNanos) / 1_000_000);
        }
        Map<String, Integer> perType = new TreeMap<>();
        rows.forEach(r -> perType.merge(r.type(), 1, Integer::sum));
        perType.forEach(metrics::published);
    }

    /** Deletes published rows older than the retention; returns how many went. */
    int purge() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(purgeSql).param(seconds(props.retention())).update();
            total += deleted;
        } while (deleted == 10000 && running);
        return total;
    }

    /**
     * Marks every published row that occurred at or after {@code since} for publication again, e.g. after
     * Redis restarted empty. Consumers' inboxes make the second copy harmless.
     */
    int replaySince(Instant since) {
        int count = jdbc.sql(replaySql).param(java.sql.Timestamp.from(since)).update();
        wake();
        return count;
    }

    /**
     * Asks the relay to look at the outbox now instead of at its next poll. Called after a commit that wrote
     * events; cheap, never blocks, and a call while the relay is working makes it look once more after.
     */
    void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private EventEnvelope envelope(Row row) {
        return new EventEnvelope(
                java.util.UUID.fromString(row.id()),
                row.type(),
                row.occurredAt(),
                identity.producer(),
                row.aggregateId(),
                row.traceId(),
                row.payload());
    }

    private void loop() {
        int idleWait = (int) Math.max(1, props.pollInterval().toMillis());
        int busyWait = Math.clamp(props.busyPollInterval().toMillis(), 1, idleWait);
        long busyUntil = System.nanoTime();
        while (running) {
            try {
                boolean found = false;
                while (running && relayOnce() > 0) {
                    // drain: the next batch may hold aggregates' later events unblocked by this one
                    found = true;
                }
                long now = System.nanoTime();
                if (found) {
                    busyUntil = now + props.pollInterval().toNanos();
                }
                // Busy: look again soon even without a wake-up, for rows committed by another instance.
                if (wakeUps.tryAcquire(busyUntil - now > 0 ? busyWait : idleWait, TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Outbox relay for {} failed, restarting: {}", identity.schema(), e.toString());
                pause(props.pollInterval());
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static String truncate(String message) {
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    @Override
    public void start() {
        if (!props.enabled()) {
            return;
        }
        running = true;
        // A platform thread: a virtual one's timed wake-up waits for a free carrier, and on two busy cores
        // it was seen to overrun a 20 ms wait by 200 ms (ADR 0007, session 7).
        thread = Thread.ofPlatform()
                .daemon()
                .name("lectern-outbox-relay-" + identity.schema())
                .start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(props.pollInterval().plusSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
