package io.lectern.eventbus;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.contracts.events.content.PostPublished;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * A minimal service using the bus as a real one does: one EventSubscriptions bean whose handlers
 * write through JdbcClient, joining the bus's transaction.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
class TestService {

    /** Slugs whose events the handler refuses, and how often each handler ran. */
    static final Set<String> POISON = ConcurrentHashMap.newKeySet();

    static final ConcurrentHashMap<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Bean
    EventSubscriptions subscriptions(JdbcClient jdbc) {
        return EventSubscriptions.builder()
                .on(PostPublished.class, (post, envelope) -> {
                    ATTEMPTS.computeIfAbsent(envelope.eventId(), id -> new AtomicInteger())
                            .incrementAndGet();
                    if (POISON.contains(post.slug())) {
                        throw new IllegalStateException("cannot index " + post.slug());
                    }
                    record(jdbc, envelope, post.version());
                })
                .on(PostDeleted.class, (post, envelope) -> record(jdbc, envelope, post.version()))
                .build();
    }

    static void record(JdbcClient jdbc, EventEnvelope envelope, long version) {
        jdbc.sql("INSERT INTO content.applied (event_id, consumer, type, aggregate_id, version, trace_id)"
                        + " VALUES (?, 'spring', ?, ?, ?, ?)")
                .params(envelope.eventId(), envelope.type(), envelope.aggregateId(), version, envelope.traceId())
                .update();
    }

    static PostPublished post(UUID id, String slug, long version) {
        return new PostPublished(
                id,
                slug,
                "Title " + slug,
                "excerpt",
                UUID.randomUUID(),
                "Ada",
                null,
                null,
                null,
                List.of("java"),
                "beginner",
                false,
                3,
                "# " + slug,
                "hash",
                Instant.parse("2026-01-01T00:00:00Z"),
                version);
    }
}
