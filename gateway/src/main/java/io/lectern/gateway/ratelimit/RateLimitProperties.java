package io.lectern.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets per route group, kept in Redis so every gateway instance shares them.
 *
 * @param keyPrefix every Redis key the limiter writes starts with this
 * @param redisTimeout a Redis answer slower than this counts as Redis being down
 * @param leaseTtl tokens taken from Redis in a batch are spent locally for at most this long
 * @param leaseDivisor a batch is at most capacity / leaseDivisor tokens (so at most 1% of a bucket
 *     sits in one instance's hands with the default 100), and at most {@code maxLeaseBatch}
 * @param exemptPaths never limited (health probes)
 * @param groups first group whose paths match wins; put the catch-all last
 * @param breaker when Redis keeps failing, stop asking it for a while
 */
@ConfigurationProperties("lectern.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("lectern:ratelimit") String keyPrefix,
        @DefaultValue("50ms") Duration redisTimeout,
        @DefaultValue("1s") Duration leaseTtl,
        @DefaultValue("100") int leaseDivisor,
        @DefaultValue("64") int maxLeaseBatch,
        @DefaultValue({"/actuator/health/**"}) List<String> exemptPaths,
        @DefaultValue List<Group> groups,
        @DefaultValue Breaker breaker) {

    /**
     * @param whenRedisDown {@code LOCAL}: keep limiting with an in-process bucket per instance (auth
     *     routes: brute force must stay expensive); {@code OPEN}: let traffic through and say so in
     *     the degraded-mode metric
     */
    public record Group(
            String name,
            List<String> paths,
            Limit anonymous,
            Limit authenticated,
            @DefaultValue("OPEN") WhenRedisDown whenRedisDown) {}

    /** {@code capacity} requests, refilled evenly over {@code period}. */
    public record Limit(long capacity, Duration period) {}

    public enum WhenRedisDown {
        LOCAL,
        OPEN
    }

    public record Breaker(
            @DefaultValue("10") int slidingWindow,
            @DefaultValue("1") int minimumCalls,
            @DefaultValue("50") float failureRatePercent,
            @DefaultValue("5s") Duration waitInOpenState) {}
}
