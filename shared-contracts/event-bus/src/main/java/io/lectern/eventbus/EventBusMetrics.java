package io.lectern.eventbus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bus's meters. Gauges read values that the housekeeping task refreshes, so a scrape never
 * queries PostgreSQL or Redis.
 */
final class EventBusMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    EventBusMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void published(String type, int count) {
        Counter.builder("lectern.events.published")
                .description("events written to the stream by the relay")
                .tag("type", type)
                .register(registry)
                .increment(count);
    }

    void publishFailed(int count) {
        Counter.builder("lectern.events.publish.failures")
                .description("outbox rows whose XADD failed and will be retried")
                .register(registry)
                .increment(count);
    }

    Timer handlerTimer(String group, String type) {
        return Timer.builder("lectern.events.handler")
                .description("time to handle one event, inbox insert and commit included")
                .tags("group", group, "type", type)
                .publishPercentileHistogram()
                .register(registry);
    }

    void redelivered(String group, String stream) {
        Counter.builder("lectern.events.redeliveries")
                .description("entries handled again after a failure or taken from another consumer")
                .tags("group", group, "stream", stream)
                .register(registry)
                .increment();
    }

    void deadLettered(String group, String type) {
        Counter.builder("lectern.events.dead.letters")
                .description("entries moved to the dead-letter stream")
                .tags("group", group, "type", type)
                .register(registry)
                .increment();
    }

    /** Sets a gauge, creating it on first use. */
    void gauge(String name, String description, long value, String... tags) {
        String key = name + String.join(",", tags);
        gauges.computeIfAbsent(key, k -> {
                    AtomicLong holder = new AtomicLong();
                    Gauge.builder(name, holder, AtomicLong::get)
                            .description(description)
                            .tags(tags)
                            .register(registry);
                    return holder;
                })
                .set(value);
    }
}
