package io.lectern.eventbus;

import io.lectern.contracts.events.EventEnvelope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The field layout of a stream entry: one field per envelope member, payload as JSON text. */
final class StreamEntries {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String OCCURRED_AT = "occurredAt";
    static final String PRODUCER = "producer";
    static final String AGGREGATE_ID = "aggregateId";
    static final String TRACE_ID = "traceId";
    static final String PAYLOAD = "payload";

    private StreamEntries() {}

    static Map<String, String> toFields(EventEnvelope envelope) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ID, envelope.eventId().toString());
        fields.put(TYPE, envelope.type());
        fields.put(OCCURRED_AT, envelope.occurredAt().toString());
        fields.put(PRODUCER, envelope.producer());
        fields.put(AGGREGATE_ID, envelope.aggregateId());
        if (envelope.traceId() != null) {
            fields.put(TRACE_ID, envelope.traceId());
        }
        fields.put(PAYLOAD, envelope.payload());
        return fields;
    }

    /** @throws IllegalArgumentException when a required field is missing or malformed */
    static EventEnvelope toEnvelope(Map<String, String> fields) {
        return new EventEnvelope(
                UUID.fromString(required(fields, ID)),
                required(fields, TYPE),
                Instant.parse(required(fields, OCCURRED_AT)),
                required(fields, PRODUCER),
                required(fields, AGGREGATE_ID),
                fields.get(TRACE_ID),
                required(fields, PAYLOAD));
    }

    static @Nullable String aggregateOf(Map<String, String> fields) {
        return fields.get(AGGREGATE_ID);
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("stream entry has no '" + name + "' field");
        }
        return value;
    }
}
