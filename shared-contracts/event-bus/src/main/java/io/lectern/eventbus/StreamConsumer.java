package io.lectern.eventbus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * One consumer of one producer's stream in this service's group. On start it finishes its own pending
 * entries (read from id 0), then reads new ones ({@code >}) with a short BLOCK. A failed entry stays
 * pending and is claimed back after a backoff; once its delivery count reaches the limit it is copied
 * to the dead-letter stream and acknowledged. Entries idle longer than the idle timeout (a dead
 * consumer's) are taken over with XAUTOCLAIM. Nothing thrown here ends the loop.
 */
final class StreamConsumer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);
    private static final StreamEntryID ZERO = new StreamEntryID(0, 0);

    record Entry(StreamEntryID id, Map<String, String> fields) {}

    private final RedisClient redis;
    private final String stream;
    private final String producer;
    private final BusIdentity identity;
    private final EventBusProperties.Consumer props;
    private final InboxDispatcher dispatcher;
    private final EventBusMetrics metrics;
    private final Map<StreamEntryID, Instant> retries = new ConcurrentHashMap<>();
    private final ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;
    private boolean catchingUp = true;
    private StreamEntryID ownPendingCursor = ZERO;
    private Instant nextClaim = Instant.EPOCH;

    StreamConsumer(
            RedisClient redis,
            String producer,
            BusIdentity identity,
            EventBusProperties.Consumer props,
            InboxDispatcher dispatcher,
            EventBusMetrics metrics) {
        this.redis = redis;
        this.producer = producer;
        this.identity = identity;
        this.props = props;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.stream = identity.streamKey(producer);
    }

    String producer() {
        return producer;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        boolean groupReady = false;
        while (running) {
            try {
                if (!groupReady) {
                    ensureGroup();
                    groupReady = true;
                }
                pollOnce();
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
                    // Redis lost the group (restarted empty): recreate it and read everything again.
                    log.warn("Group {} on {} is gone, recreating it", identity.group(), stream);
                    groupReady = false;
                    catchingUp = true;
                    ownPendingCursor = ZERO;
                    retries.clear();
                    continue;
                }
                log.warn("Consumer of {} in group {} failed, retrying: {}", stream, identity.group(), e.toString());
                pause(props.retryBackoff());
            }
        }
        lanes.shutdown();
    }

    void ensureGroup() {
        try {
            redis.xgroupCreate(stream, identity.group(), ZERO, true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** One turn of the loop: read (own pending first, then new), retry what is due, claim idle entries. */
    void pollOnce() {
        if (catchingUp) {
            List<Entry> own = readGroup(XReadGroupParams.xReadGroupParams().count(props.batchSize()), ownPendingCursor);
            if (own.isEmpty()) {
                catchingUp = false;
            } else {
                ownPendingCursor = own.getLast().id();
                process(own, true);
            }
        } else {
            int blockMillis = (int) props.block().toMillis();
            List<Entry> fresh = readGroup(
                    XReadGroupParams.xReadGroupParams().count(props.batchSize()).block(blockMillis),
                    StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
            if (!fresh.isEmpty()) {
                process(fresh, false);
            }
        }
        retryDue();
        if (Instant.now().isAfter(nextClaim)) {
            claimIdle();
            nextClaim = Instant.now().plus(props.claimInterval());
        }
    }

    /** XREADGROUP of this stream only; no reply (a BLOCK that timed out) is no entries. */
    private List<Entry> readGroup(XReadGroupParams params, StreamEntryID from) {
        List<Map.Entry<String, List<StreamEntry>>> reply =
                redis.xreadGroup(identity.group(), identity.instance(), params, Map.of(stream, from));
        return reply == null || reply.isEmpty()
                ? List.of()
                : entries(reply.getFirst().getValue());
    }

    private void retryDue() {
        if (retries.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<StreamEntryID> due = retries.entrySet().stream()
                .filter(e -> !e.getValue().isAfter(now))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (due.isEmpty()) {
            return;
        }
        due.forEach(retries::remove);
        // XCLAIM to ourselves counts as a delivery, which is what the dead-letter limit counts.
        List<Entry> claimed = entries(redis.xclaim(
                stream,
                identity.group(),
                identity.instance(),
                0,
                XClaimParams.xClaimParams(),
                due.toArray(StreamEntryID[]::new)));
        if (!claimed.isEmpty()) {
            claimed.forEach(entry -> metrics.redelivered(identity.group(), producer));
            process(claimed, false);
        }
    }

    void claimIdle() {
        StreamEntryID cursor = ZERO;
        for (int round = 0; round < 100 && running; round++) {
            // Redis 7 also replies with the ids it dropped from the pending list because they were
            // deleted; Jedis reads only the cursor and the claimed entries.
            Map.Entry<StreamEntryID, List<StreamEntry>> result = redis.xautoclaim(
                    stream,
                    identity.group(),
                    identity.instance(),
                    props.idleTimeout().toMillis(),
                    cursor,
                    XAutoClaimParams.xAutoClaimParams().count(props.batchSize()));
            List<Entry> claimed = entries(result.getValue());
            if (!claimed.isEmpty()) {
                log.info("Took over {} idle entries of {} in group {}", claimed.size(), stream, identity.group());
                claimed.forEach(entry -> metrics.redelivered(identity.group(), producer));
                process(claimed, true);
            }
            cursor = result.getKey();
            if (cursor == null || ZERO.equals(cursor)) {
                return;
            }
        }
    }

    /**
     * Redis replies in stream order (XCLAIM in the order asked, which {@link #retryDue} sorts). An entry
     * trimmed or deleted while pending comes back from the pending list with null fields: it gets an empty
     * map, which {@link #handle} acknowledges without dispatching. A null entry (XCLAIM's answer for a
     * deleted id before Redis 7) carries no id and is skipped.
     */
    private static List<Entry> entries(@Nullable List<StreamEntry> raw) {
        if (raw == null) {
            return List.of();
        }
        List<Entry> list = new ArrayList<>(raw.size());
        for (StreamEntry entry : raw) {
            if (entry != null) {
                list.add(new Entry(entry.getID(), entry.getFields() == null ? Map.of() : entry.getFields()));
            }
        }
        return list;
    }

    /**
     * Handles entries, an aggregate's entries in order on one lane, and acknowledges the ones that
     * committed. {@code redelivered} entries are checked against the delivery limit first, so an event
     * that crashes its consumer every time still ends in the dead-letter stream.
     */
    void process(List<Entry> entries, boolean redelivered) {
        List<Entry> todo = entries;
        if (redelivered) {
            todo = new ArrayList<>();
            for (Entry entry : entries) {
                long count = deliveryCount(entry.id());
                if (count > props.maxDeliveries()) {
                    deadLetter(entry, "delivered " + count + " times without being acknowledged", count);
                } else {
                    todo.add(entry);
                }
            }
        }
        List<StreamEntryID> done = Collections.synchronizedList(new ArrayList<>());
        int laneCount = Math.max(1, props.concurrency());
        if (laneCount == 1 || todo.size() == 1) {
            handleLane(todo, done);
        } else {
            Map<Integer, List<Entry>> byLane = new LinkedHashMap<>();
            for (Entry entry : todo) {
                String aggregate = StreamEntries.aggregateOf(entry.fields());
                int lane = Math.floorMod(aggregate == null ? 0 : aggregate.hashCode(), laneCount);
                byLane.computeIfAbsent(lane, l -> new ArrayList<>()).add(entry);
            }
            List<Future<?>> futures = new ArrayList<>();
            for (List<Entry> lane : byLane.values()) {
                futures.add(lanes.submit(() -> handleLane(lane, done)));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException e) {
                    log.error("Handler lane failed unexpectedly", e.getCause());
                }
            }
        }
        if (!done.isEmpty()) {
            redis.xack(stream, identity.group(), done.toArray(StreamEntryID[]::new));
        }
    }

    /**
     * One lane's entries in order: up to {@code transactionBatch} of them in one transaction (one
     * commit); if that transaction fails, each of its entries on its own, which is where retries and
     * dead letters are decided.
     */
    private void handleLane(List<Entry> lane, List<StreamEntryID> done) {
        int size = Math.max(1, props.transactionBatch());
        for (int from = 0; from < lane.size(); from += size) {
            List<Entry> chunk = lane.subList(from, Math.min(lane.size(), from + size));
            if (chunk.size() > 1 && chunk.stream().noneMatch(e -> retries.containsKey(e.id()))) {
                try {
                    dispatcher.dispatchAll(chunk.stream()
                            .map(Entry::fields)
                            .filter(f -> !f.isEmpty())
                            .toList());
                    chunk.forEach(e -> done.add(e.id()));
                    continue;
                } catch (RuntimeException e) {
                    log.debug("A batch of {} entries on {} failed, applying them one by one", chunk.size(), stream);
                }
            }
            chunk.forEach(entry -> handle(entry, done));
        }
    }

    private void handle(Entry entry, List<StreamEntryID> done) {
        if (entry.fields().isEmpty()) {
            // the entry was trimmed or deleted while pending: nothing left to handle
            done.add(entry.id());
            return;
        }
        try {
            dispatcher.dispatch(entry.fields());
            done.add(entry.id());
        } catch (RuntimeException e) {
            Throwable cause =
                    e instanceof InboxDispatcher.HandlerFailedException && e.getCause() != null ? e.getCause() : e;
            long count = deliveryCount(entry.id());
            if (count >= props.maxDeliveries()) {
                log.error(
                        "Event {} on {} failed {} times in group {}, moving it to the dead-letter stream",
                        entry.id(),
                        stream,
                        count,
                        identity.group(),
                        cause);
                deadLetter(entry, cause.toString(), count);
            } else {
                log.warn(
                        "Event {} on {} failed (delivery {}) in group {}, will retry: {}",
                        entry.id(),
                        stream,
                        count,
                        identity.group(),
                        cause.toString());
                retries.put(entry.id(), Instant.now().plus(backoff(count)));
            }
        }
    }

    /** Exponential, but always below the idle timeout so another consumer never takes a live retry. */
    private Duration backoff(long deliveries) {
        long factor = 1L << Math.min(10, Math.max(0, deliveries - 1));
        Duration delay = props.retryBackoff().multipliedBy(factor);
        Duration cap = props.idleTimeout().dividedBy(2);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private long deliveryCount(StreamEntryID id) {
        List<StreamPendingEntry> pending =
                redis.xpending(stream, identity.group(), XPendingParams.xPendingParams(id, id, 1));
        return pending.isEmpty() ? 0 : pending.getFirst().getDeliveredTimes();
    }

    private void deadLetter(Entry entry, @Nullable String error, long deliveries) {
        Map<String, String> fields = new LinkedHashMap<>(entry.fields());
        fields.put(DeadLetters.ORIGINAL_ID, entry.id().toString());
        fields.put(DeadLetters.GROUP, identity.group());
        fields.put(DeadLetters.ERROR, OutboxRelay.truncate(String.valueOf(error)));
        fields.put(DeadLetters.DELIVERIES, Long.toString(deliveries));
        fields.put(DeadLetters.DEAD_AT, Instant.now().toString());
        // bounded (approximately, which is cheap): dead letters pile up exactly when something is broken
        redis.xadd(
                identity.deadLetterKey(producer),
                XAddParams.xAddParams().maxLen(props.deadLetterMaxLength()).approximateTrimming(),
                fields);
        redis.xack(stream, identity.group(), entry.id());
        retries.remove(entry.id());
        metrics.deadLettered(identity.group(), String.valueOf(entry.fields().get(StreamEntries.TYPE)));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
