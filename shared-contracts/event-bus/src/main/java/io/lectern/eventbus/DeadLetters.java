package io.lectern.eventbus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.redisson.client.codec.StringCodec;

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

    private final RedissonClient redis;
    private final BusIdentity identity;
    private final List<String> producers;
    private final InboxDispatcher dispatcher;

    DeadLetters(RedissonClient redis, BusIdentity identity, List<String> producers, InboxDispatcher dispatcher) {
        this.redis = redis;
        this.identity = identity;
        this.producers = List.copyOf(producers);
        this.dispatcher = dispatcher;
    }

    /** Reads each dead-letter stream page by page and stops at {@code limit}: never a whole stream at once. */
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> result = new ArrayList<>();
        for (String producer : producers) {
            StreamMessageId after = null;
            while (result.size() < limit) {
                Map<StreamMessageId, Map<String, String>> page = stream(producer)
                        .range((after == null
                                        ? StreamRangeArgs.startId(StreamMessageId.MIN)
                                        : StreamRangeArgs.startIdExclusive(after))
                                .endId(StreamMessageId.MAX)
                                .count(PAGE));
                for (Map.Entry<StreamMessageId, Map<String, String>> entry : page.entrySet()) {
                    after = entry.getKey();
                    if (identity.group().equals(entry.getValue().get(GROUP)) && result.size() < limit) {
                        result.add(toDeadLetter(producer, entry.getKey(), entry.getValue()));
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
        stream(l.producer()).remove(l.entryId());
        return Optional.of(
                switch (outcome) {
                    case HANDLED -> ReplayOutcome.HANDLED;
                    case DUPLICATE -> ReplayOutcome.ALREADY_HANDLED;
                    case IGNORED -> ReplayOutcome.NOT_SUBSCRIBED;
                });
    }

    public boolean delete(String id) {
        Optional<Located> located = locate(id);
        located.ifPresent(l -> stream(l.producer()).remove(l.entryId()));
        return located.isPresent();
    }

    /** Entries in the dead-letter streams this group writes to (all groups counted). */
    long depth(String producer) {
        return stream(producer).size();
    }

    List<String> producers() {
        return producers;
    }

    private record Located(String producer, StreamMessageId entryId, Map<String, String> fields) {}

    private Optional<Located> locate(String id) {
        int colon = id.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String producer = id.substring(0, colon);
        if (!producers.contains(producer)) {
            return Optional.empty();
        }
        StreamMessageId entryId;
        try {
            String[] parts = id.substring(colon + 1).split("-");
            entryId = new StreamMessageId(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Map<StreamMessageId, Map<String, String>> found =
                stream(producer).range(StreamRangeArgs.startId(entryId).endId(entryId));
        Map<String, String> fields = found.get(entryId);
        if (fields == null || !identity.group().equals(fields.get(GROUP))) {
            return Optional.empty();
        }
        return Optional.of(new Located(producer, entryId, fields));
    }

    private RStream<String, String> stream(String producer) {
        return redis.getStream(identity.deadLetterKey(producer), StringCodec.INSTANCE);
    }

    private static DeadLetter toDeadLetter(String producer, StreamMessageId id, Map<String, String> f) {
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
