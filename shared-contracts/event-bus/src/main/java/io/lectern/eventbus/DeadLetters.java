package io.lectern.eventbus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * This consumer group's dead letters. Each producer stream has one dead-letter stream shared by all
 * groups ({@code <ns>:events:<producer>:dlq}); a group only sees and replays its own entries. A replay
 * runs the handler here, through the inbox, and removes the dead letter once that committed.
 */
public final class DeadLetters {

    static final String ORIGINAL_ID = "originalId";
    static final String GROUP = "group";
    static final String ERROR = "error";
    static final String DELIVERIES = "deliveries";
    static final String DEAD_AT = "deadAt";

    /**
     * One dead letter. {@code id} is {@code <producer>:<entry id in the dead-letter stream>}.
     */
    public record DeadLetter(
            String id,
            String producer,
            String originalId,
            String group,
            String type,
            String eventId,
            String aggregateId,
            String error,
            long deliveries,
            String deadAt,
            String payload) {}

    /** What a replay did. */
    public enum ReplayOutcome {
        HANDLED,
        ALREADY_HANDLED,
        NOT_SUBSCRIBED
    }

    private final RedisClient redis;
    private final BusIdentity identity;
    private final List<String> producers;
    private final InboxDispatcher dispatcher;

    DeadLetters(RedisClient redis, BusIdentity identity, List<String> producers, InboxDispatcher dispatcher) {
        this.redis = redis;
        this.identity = identity;
        this.producers = List.copyOf(producers);
        this.dispatcher = dispatcher;
    }

    /** Reads each dead-letter stream page by page and stops at {@code limit}: never a whole stream at once. */
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> result = new ArrayList<>();
        for (String producer : producers) {
            String key = identity.deadLetterKey(producer);
            // a later page starts just after the last id seen ("(" makes the start exclusive)
            String from = "-";
            while (result.size() < limit) {
                List<StreamEntry> page = redis.xrange(key, from, "+", PAGE);
                for (StreamEntry entry : page) {
                    from = "(" + entry.getID();
                    if (identity.group().equals(entry.getFields().get(GROUP)) && result.size() < limit) {
                        result.add(toDeadLetter(producer, entry.getID(), entry.getFields()));
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return result;
    }

    static final int PAGE = 100;

    public Optional<DeadLetter> find(String id) {
        return locate(id).map(l -> toDeadLetter(l.producer(), l.entryId(), l.fields()));
    }

    /**
     * Handles the dead letter now and removes it when that succeeded.
     *
     * @throws RuntimeException whatever the handler threw; the dead letter then stays
     */
    public Optional<ReplayOutcome> replay(String id) {
        Optional<Located> located = locate(id);
        if (located.isEmpty()) {
            return Optional.empty();
        }
        Located l = located.get();
        InboxDispatcher.Outcome outcome = dispatcher.dispatch(l.fields());
        redis.xdel(identity.deadLetterKey(l.producer()), l.entryId());
        return Optional.of(
                switch (outcome) {
                    case HANDLED -> ReplayOutcome.HANDLED;
                    case DUPLICATE -> ReplayOutcome.ALREADY_HANDLED;
                    case IGNORED -> ReplayOutcome.NOT_SUBSCRIBED;
                });
    }

    public boolean delete(String id) {
        Optional<Located> located = locate(id);
        located.ifPresent(l -> redis.xdel(identity.deadLetterKey(l.producer()), l.entryId()));
        return located.isPresent();
    }

    /** Entries in the dead-letter streams this group writes to (all groups counted). */
    long depth(String producer) {
        return redis.xlen(identity.deadLetterKey(producer));
    }

    List<String> producers() {
        return producers;
    }

    private record Located(String producer, StreamEntryID entryId, Map<String, String> fields) {}

    private Optional<Located> locate(String id) {
        int colon = id.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String producer = id.substring(0, colon);
        if (!producers.contains(producer)) {
            return Optional.empty();
        }
        StreamEntryID entryId;
        try {
            String[] parts = id.substring(colon + 1).split("-");
            entryId = new StreamEntryID(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        List<StreamEntry> found = redis.xrange(identity.deadLetterKey(producer), entryId, entryId, 1);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = found.getFirst().getFields();
        if (!identity.group().equals(fields.get(GROUP))) {
            return Optional.empty();
        }
        return Optional.of(new Located(producer, entryId, fields));
    }

    private static DeadLetter toDeadLetter(String producer, StreamEntryID id, Map<String, String> f) {
        return new DeadLetter(
                producer + ":" + id,
                producer,
                f.getOrDefault(ORIGINAL_ID, ""),
                f.getOrDefault(GROUP, ""),
                f.getOrDefault(StreamEntries.TYPE, ""),
                f.getOrDefault(StreamEntries.ID, ""),
                f.getOrDefault(StreamEntries.AGGREGATE_ID, ""),
                f.getOrDefault(ERROR, ""),
                Long.parseLong(f.getOrDefault(DELIVERIES, "0")),
                f.getOrDefault(DEAD_AT, ""),
                f.getOrDefault(StreamEntries.PAYLOAD, ""));
    }
}
