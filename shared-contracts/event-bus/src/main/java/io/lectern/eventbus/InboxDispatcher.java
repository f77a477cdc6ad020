package io.lectern.eventbus;

import io.lectern.contracts.events.EventEnvelope;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
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
     * Applies several events in ONE transaction: one commit for all of them. Any failure rolls every one
     * back and is thrown; the caller then applies them one by one ({@link #dispatch(Map)}), so a
     * failing event never takes its neighbours' effects with it.
     */
    void dispatchAll(List<Map<String, String>> batch) {
        transactions.executeWithoutResult(status -> {
            for (Map<String, String> fields : batch) {
                EventEnvelope envelope = StreamEntries.toEnvelope(fields);
                EventSubscriptions.Subscription<?> subscription = byType.get(envelope.type());
                if (subscription != null) {
                    applyTimed(subscription, envelope);
                }
            }
        });
    }

    private <T> void applyTimed(EventSubscriptions.Subscription<T> subscription, EventEnvelope envelope) {
        T payload = mapper.readValue(envelope.payload(), subscription.payloadType());
        Timer timer = timers.computeIfAbsent(envelope.type(), t -> metrics.handlerTimer(group, t));
        long start = System.nanoTime();
        String previousRequestId = MDC.get("requestId");
        if (envelope.traceId() != null) {
            MDC.put("requestId", envelope.traceId());
        }
        try {
            apply(subscription, payload, envelope);
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
        try {
            subscription.handler().handle(payload, envelope);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerFailedException(e);
        }
        return true;
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
