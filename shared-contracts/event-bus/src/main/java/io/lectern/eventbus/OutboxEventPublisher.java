package io.lectern.eventbus;

import io.lectern.contracts.events.EventEnvelope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events to the outbox in the caller's transaction, and wakes the relay once that transaction has
 * committed (once per transaction, however many events it wrote), so the relay publishes them at once.
 */
final class OutboxEventPublisher implements EventPublisher {

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final Clock clock;
    private final String insert;
    /** One instance for every transaction: the manager keeps a set, so it is registered once per transaction. */
    private final TransactionSynchronization wakeRelayOnCommit;

    OutboxEventPublisher(JdbcClient jdbc, JsonMapper mapper, BusIdentity identity, Clock clock, Runnable wakeRelay) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
        this.wakeRelayOnCommit = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }
        };
        this.insert = "INSERT INTO " + identity.table("outbox")
                + " (id, aggregate_id, type, payload, occurred_at, trace_id) VALUES (?, ?, ?, ?::jsonb, ?, ?)";
    }

    @Override
    public void publish(String aggregateId, Object payload) {
        // Outside a transaction the row would commit on its own, and the event could exist without the change.
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("EventPublisher.publish must be called inside a transaction");
        }
        String type = EventEnvelope.typeOf(payload.getClass());
        jdbc.sql(insert)
                .params(
                        UUID.randomUUID(),
                        aggregateId,
                        type,
                        mapper.writeValueAsString(payload),
                        Timestamp.from(clock.instant()),
                        MDC.get("requestId"))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(wakeRelayOnCommit);
        }
    }
}
