package io.lectern.eventbus;

import io.lectern.contracts.events.EventEnvelope;

/**
 * Handles one event type. Runs inside a database transaction that also records the event id in the
 * service's inbox, so a redelivered event has no second effect; the stream entry is acknowledged only
 * after that transaction commits. Throwing rolls back and leaves the entry for redelivery; after the
 * configured number of deliveries it goes to the dead-letter stream.
 */
@FunctionalInterface
public interface EventHandler<T> {
    void handle(T payload, EventEnvelope envelope) throws Exception;
}
