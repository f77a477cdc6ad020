package io.lectern.eventbus;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bus's own mapper, independent of the application's: event JSON must not change when a service
 * customises its web mapper. Unknown properties are ignored so producers can add fields freely.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
