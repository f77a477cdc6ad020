package io.lectern.eventbus;

/**
 * Publishes domain events through the transactional outbox. Call it inside the transaction that makes
 * the state change: the event is written to the service's outbox table in that transaction, so it is
 * published if and only if the change commits. A relay moves it to the service's Redis stream.
 */
public interface EventPublisher {

    /**
     * Records {@code payload} (a record annotated with {@link io.lectern.contracts.events.EventType}) for
     * publication. Events with the same {@code aggregateId} reach consumers in the order published.
     *
     * @throws IllegalStateException when called outside a transaction
     */
    void publish(String aggregateId, Object payload);
}
