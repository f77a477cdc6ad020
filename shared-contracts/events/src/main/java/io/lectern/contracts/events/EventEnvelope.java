package io.lectern.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What travels on a stream: metadata every consumer needs to route, deduplicate and trace an event,
 * plus the payload as JSON text (so the envelope can be read without knowing the payload's class).
 *
 * @param eventId unique id; consumers record it in their inbox to apply each event once
 * @param type versioned type string, see {@link EventType}
 * @param occurredAt when the producer's transaction made the change
 * @param producer the producing service's name
 * @param aggregateId the id of the aggregate the event is about; events of one aggregate keep their order
 * @param traceId the request id of the request that caused the event, if any
 * @param payload the payload record as JSON
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        Instant occurredAt,
        String producer,
        String aggregateId,
        @Nullable String traceId,
        String payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    /** The type string declared on a payload record class. */
    public static String typeOf(Class<?> payloadClass) {
        EventType annotation = payloadClass.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not annotated with @EventType");
        }
        return annotation.value();
    }
}
