package io.lectern.eventbus;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Settings of the event bus ({@code lectern.events.*}). The producer name is the service's schema
 * ({@code lectern.service.schema}) and the consumer group its {@code spring.application.name}.
 *
 * @param namespace prefix of every stream key: {@code <namespace>:events:<producer>}
 * @param instanceId consumer name inside the group and relay lease owner; blank means hostname-pid-random
 */
@ConfigurationProperties("lectern.events")
public record EventBusProperties(
        @DefaultValue("lectern") String namespace,
        @DefaultValue("") String instanceId,
        @DefaultValue Relay relay,
        @DefaultValue Consumer consumer,
        @DefaultValue Trim trim) {

    /**
     * @param pollInterval how long an idle relay waits for a NOTIFY before it looks at the outbox anyway
     * @param busyPollInterval while the relay has found rows within the last poll interval, it looks again
     *     after at most this long, NOTIFY or not: PostgreSQL was seen to hold notifications back for
     *     100-700 ms on a saturated box (ADR 0007, session 7)
     * @param lease how long a claimed batch belongs to one relay; a crashed relay's rows are taken over after it
     * @param retention how long published rows stay in the outbox, which is the window replay can reach back
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") int batchSize,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("20ms") Duration busyPollInterval,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("500ms") Duration retryBackoff,
            @DefaultValue("2m") Duration maxRetryBackoff,
            @DefaultValue("7d") Duration retention,
            @DefaultValue("15m") Duration purgeInterval) {}

    /**
     * @param block how long one XREADGROUP waits for new entries; short, so stop is prompt
     * @param concurrency handler lanes per stream; an aggregate always maps to the same lane
     * @param maxDeliveries deliveries after which a failing entry goes to the dead-letter stream
     * @param idleTimeout entries pending longer than this are taken from a (presumably dead) consumer;
     *     must exceed the slowest handler
     * @param inboxRetention how long handled event ids are remembered; keep it above the relay retention
     * @param deadLetterMaxLength about how many entries a dead-letter stream keeps (oldest dropped first)
     * @param transactionBatch at most this many entries of one lane are applied in one database
     *     transaction (one commit instead of one per event); when any of them fails the transaction rolls
     *     back and they are applied one by one, each in its own transaction. 1 = one transaction per event
     */
    public record Consumer(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100") int batchSize,
            @DefaultValue("1s") Duration block,
            @DefaultValue("2") int concurrency,
            @DefaultValue("5") int maxDeliveries,
            @DefaultValue("1s") Duration retryBackoff,
            @DefaultValue("60s") Duration idleTimeout,
            @DefaultValue("5s") Duration claimInterval,
            @DefaultValue("14d") Duration inboxRetention,
            @DefaultValue("10000") int deadLetterMaxLength,
            @DefaultValue("50") int transactionBatch) {}

    /**
     * Periodic MINID trimming of the service's own stream, bounded by every group's oldest unacknowledged entry.
     *
     * @param abandonedGroupAfter a group whose consumers have all been idle this long stops holding trimming back
     */
    public record Trim(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1m") Duration interval,
            @DefaultValue("7d") Duration abandonedGroupAfter) {}

    /** Binds properties from a plain map with the same defaults as in a Spring context (tests, benchmarks). */
    public static EventBusProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("lectern.events", EventBusProperties.class);
    }
}
