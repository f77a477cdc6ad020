package io.lectern.eventbus;

import io.lectern.contracts.events.EventEnvelope;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one event for a consumer group: in one transaction on the service's DataSource it records
 * the event id in the inbox and runs the handler, so the handler's own writes and the "seen" mark
 * commit or roll back together. An id already in the inbox is skipped.
 */
final class InboxDispatcher {

    enum Outcome {
        HANDLED,
        DUPLICATE,
        IGNORED
    }

    /** A handler failure, carried through the transaction template so it rolls back. */
    static final class HandlerFailedException extends RuntimeException {
        HandlerFailedException(Exception cause) {
            super(cause.toString(), cause);
        }
    }

    private final Map<String, EventSubscriptions.Subscription<?>> byType;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final String group;
    private final EventBusMetrics metrics;
    private final String insertInbox;
    private final String insertInboxBatch;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    InboxDispatcher(
            EventSubscriptions subscriptions,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            JsonMapper mapper,
            BusIdentity identity,
            EventBusMetrics metrics) {
        this.byType = subscriptions.byType();
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.group = identity.group();
        this.metrics = metrics;
        this.insertInbox = "INSERT INTO " + identity.table("inbox")
                + " (consumer_group, event_id, event_type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
        this.insertInboxBatch = "INSERT INTO " + identity.table("inbox")
                + " (consumer_group, event_id, event_type) SELECT ?, id::uuid, type FROM unnest(?::text[], ?::text[])"
                + " AS e(id, type) ON CONFLICT DO NOTHING RETURNING event_id";
    }

    boolean subscribed(String type) {
        return byType.containsKey(type);
    }

    Outcome dispatch(Map<String, String> fields) {
        EventEnvelope envelope = StreamEntries.toEnvelope(fields);
        EventSubscriptions.Subscription<?> subscription = byType.get(envelope.type());
        if (subscription == null) {
            return Outcome.IGNORED;
        }
        return dispatch(subscription, envelope);
    }

    /**
     * Applies several events in ONE transaction: one commit for all of them, and one statement that
     * marks all of them seen (it returns the ids that were new: a redelivered event, or a second copy
     * in the same batch, is skipped as in {@link #dispatch(Map)}). Handlers run in the batch's order.
     * Any failure rolls every one back and is thrown; the caller then applies them one by one
     * ({@link #dispatch(Map)}), so a failing event never takes its neighbours' effects with it.
     */
    void dispatchAll(List<Map<String, String>> batch) {
        List<EventEnvelope> envelopes = new ArrayList<>(batch.size());
        for (Map<String, String> fields : batch) {
            EventEnvelope envelope = StreamEntries.toEnvelope(fields);
            if (byType.containsKey(envelope.type())) {
                envelopes.add(envelope);
            }
        }
        if (envelopes.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            Set<UUID> fresh = markSeen(envelopes);
            for (EventEnvelope envelope : envelopes) {
                if (fresh.remove(envelope.eventId())) {
                    applyTimed(byType.get(envelope.type()), envelope);
                }
            }
        });
    }

    /** Inserts every id into the inbox in one statement; returns the ids that were not there yet. */
    private Set<UUID> markSeen(List<EventEnvelope> envelopes) {
        String[] ids = new String[envelopes.size()];
        String[] types = new String[envelopes.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = envelopes.get(i).eventId().toString();
            types[i] = envelopes.get(i).type();
        }
        return new HashSet<>(jdbc.sql(insertInboxBatch)
                .params(group, ids, types)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list());
    }

    /** Inside the caller's transaction, the event already marked seen: runs its handler, timed. */
    private <T> void applyTimed(EventSubscriptions.Subscription<T> subscription, EventEnvelope envelope) {
        T payload = mapper.readValue(envelope.payload(), subscription.payloadType());
        Timer timer = timers.computeIfAbsent(envelope.type(), t -> metrics.handlerTimer(group, t));
        long start = System.nanoTime();
        String previousRequestId = MDC.get("requestId");
        if (envelope.traceId() != null) {
            MDC.put("requestId", envelope.traceId());
        }
        try {
            handle(subscription, payload, envelope);
        } finally {
            timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (previousRequestId == null) {
                MDC.remove("requestId");
            } else {
                MDC.put("requestId", previousRequestId);
            }
        }
    }

    /** Inside the caller's transaction: marks the event seen and runs its handler; false for a duplicate. */
    private <T> boolean apply(EventSubscriptions.Subscription<T> subscription, T payload, EventEnvelope envelope) {
        int inserted = jdbc.sql(insertInbox)
                .params(group, envelope.eventId(), envelope.type())
                .update();
        if (inserted == 0) {
            return false;
        }
        handle(subscription, payload, envelope);
        return true;
    }

    private static <T> void handle(EventSubscriptions.Subscription<T> subscription, T payload, EventEnvelope envelope) {
        try {
            subscription.handler().handle(payload, envelope);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerFailedException(e);
        }
    }

    <T> Outcome dispatch(EventSubscriptions.Subscription<T> subscription, EventEnvelope envelope) {
        T payload = mapper.readValue(envelope.payload(), subscription.payloadType());
        Timer timer = timers.computeIfAbsent(envelope.type(), t -> metrics.handlerTimer(group, t));
        long start = System.nanoTime();
        String previousRequestId = MDC.get("requestId");
        if (envelope.traceId() != null) {
            MDC.put("requestId", envelope.traceId());
        }
        try {
            Boolean handled = transactions.execute(status -> apply(subscription, payload, envelope));
            return Boolean.TRUE.equals(handled) ? Outcome.HANDLED : Outcome.DUPLICATE;
        } finally {
            timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (previousRequestId == null) {
                MDC.remove("requestId");
            } else {
                MDC.put("requestId", previousRequestId);
            }
        }
    }
}
