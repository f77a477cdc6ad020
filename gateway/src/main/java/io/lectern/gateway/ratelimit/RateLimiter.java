package io.lectern.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Decides whether a request fits its bucket.
 *
 * <p>Redis holds the buckets (shared by all instances), but a round trip per request would cost more
 * than the quality bar allows, so an instance takes tokens from Redis in small batches ("leases") and
 * spends them locally. Exactness kept: Redis never hands out more tokens than one exact bucket would,
 * and a leased token is spent within {@code leaseTtl} of being taken or thrown away; so over any
 * window, all instances together admit at most what one exact bucket admits plus
 * min(batch × instances, rate × leaseTtl) tokens. The batch is at most capacity/100 (and 1 for buckets
 * of 100 or fewer), so the seeded limits are exact and large ones are within 1%. Tokens leased to one
 * instance cannot be spent by another before they expire: with several instances a caller may be
 * refused slightly early, never let through late. A rejection is remembered until the next token is
 * due, so a client hammering a full bucket does not hammer Redis.
 *
 * <p>When Redis is slow or down (timeout, then an open circuit breaker): groups marked {@code LOCAL}
 * fall back to an exact in-process bucket per instance; the others are let through, counted, and the
 * degraded gauge reads 1.
 */
public final class RateLimiter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RateLimiter.class);

    private static final class Lease {
        long tokens;
        long remainingAtRedis;
        long resetMillis;
        final long expiresAtNanos;
        final long deniedUntilNanos;

        Lease(long tokens, long remainingAtRedis, long resetMillis, long expiresAtNanos, long deniedUntilNanos) {
            this.tokens = tokens;
            this.remainingAtRedis = remainingAtRedis;
            this.resetMillis = resetMillis;
            this.expiresAtNanos = expiresAtNanos;
            this.deniedUntilNanos = deniedUntilNanos;
        }
    }

    private final RedisTokenBuckets redis;
    private final RateLimitProperties props;
    private final CircuitBreaker breaker;
    private final LongSupplier nanoTime;
    private final Cache<String, Lease> leases;
    private final Cache<String, LocalTokenBucket> fallbackBuckets;
    private final ConcurrentHashMap<String, Counter> failOpenCounters = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    public RateLimiter(
            RedisTokenBuckets redis,
            RateLimitProperties props,
            CircuitBreaker breaker,
            MeterRegistry meters,
            LongSupplier nanoTime) {
        this.redis = redis;
        this.props = props;
        this.breaker = breaker;
        this.meters = meters;
        this.nanoTime = nanoTime;
        Duration longestPeriod = props.groups().stream()
                .flatMap(g -> java.util.stream.Stream.of(
                        g.anonymous().period(), g.authenticated().period()))
                .max(Duration::compareTo)
                .orElse(Duration.ofHours(1));
        this.leases = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(props.leaseTtl().plusSeconds(60))
                .executor(Runnable::run)
                .build();
        // A fallback bucket forgotten too early would hand a brute-forcer a fresh bucket.
        this.fallbackBuckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(longestPeriod)
                .executor(Runnable::run)
                .build();
    }

    /** Opens the Redis connection and loads the script; a failure only means we start degraded. */
    public void warmUp(String key) {
        redis.take(key, new RateLimitProperties.Limit(1, Duration.ofSeconds(1)), 0)
                .timeout(Duration.ofSeconds(5))
                .onErrorResume(e -> {
                    log.warn("Redis not reachable at start-up: {}", e.toString());
                    return Mono.empty();
                })
                .block();
    }

    public boolean degraded() {
        return breaker.getState() != CircuitBreaker.State.CLOSED;
    }

    Mono<Decision> decide(RateLimitProperties.Group group, String key, RateLimitProperties.Limit limit) {
        long now = nanoTime.getAsLong();
        Decision local = fromLease(key, limit, now);
        if (local != null) {
            return Mono.just(local);
        }
        long want = batch(limit);
        return redis.take(key, limit, want)
                .timeout(props.redisTimeout())
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .map(take -> record(key, limit, take, nanoTime.getAsLong()))
                .onErrorResume(error -> {
                    log.debug("Rate limit for {} decided without Redis: {}", key, error.toString());
                    return Mono.just(fallback(group, key, limit));
                });
    }

    private @Nullable Decision fromLease(String key, RateLimitProperties.Limit limit, long now) {
        Lease lease = leases.getIfPresent(key);
        if (lease == null) {
            return null;
        }
        synchronized (lease) {
            if (now < lease.deniedUntilNanos) {
                long retry = Math.max(1, (lease.deniedUntilNanos - now) / 1_000_000);
                return new Decision(false, limit.capacity(), 0, retry, lease.resetMillis, false);
            }
            if (lease.tokens > 0 && now < lease.expiresAtNanos) {
                lease.tokens--;
                return new Decision(
                        true, limit.capacity(), lease.remainingAtRedis + lease.tokens, 0, lease.resetMillis, false);
            }
        }
        return null;
    }

    private Decision record(String key, RateLimitProperties.Limit limit, RedisTokenBuckets.Take take, long now) {
        if (take.granted() == 0) {
            // Redis is empty, but a concurrent request may just have leased tokens into this instance.
            Decision[] fromPool = {null};
            leases.asMap().compute(key, (k, old) -> {
                if (old != null) {
                    synchronized (old) {
                        if (old.tokens > 0 && now < old.expiresAtNanos) {
                            old.tokens--;
                            fromPool[0] =
                                    new Decision(true, limit.capacity(), old.tokens, 0, take.resetMillis(), false);
                            return old;
                        }
                    }
                }
                return new Lease(0, 0, take.resetMillis(), now, now + take.retryAfterMillis() * 1_000_000L);
            });
            return fromPool[0] != null
                    ? fromPool[0]
                    : new Decision(false, limit.capacity(), 0, take.retryAfterMillis(), take.resetMillis(), false);
        }
        long spare = take.granted() - 1;
        if (spare > 0) {
            // Concurrent misses on one key each bring a batch: pool them rather than drop one. Pooled
            // tokens keep the older lease's deadline, so no token outlives its lease time.
            leases.asMap().compute(key, (k, old) -> {
                if (old != null) {
                    synchronized (old) {
                        if (now < old.expiresAtNanos && old.deniedUntilNanos <= now) {
                            old.tokens += spare;
                            old.remainingAtRedis = take.remaining();
                            old.resetMillis = take.resetMillis();
                            return old;
                        }
                    }
                }
                return new Lease(
                        spare,
                        take.remaining(),
                        take.resetMillis(),
                        now + props.leaseTtl().toNanos(),
                        0);
            });
        }
        return new Decision(true, limit.capacity(), take.remaining() + spare, 0, take.resetMillis(), false);
    }

    private Decision fallback(RateLimitProperties.Group group, String key, RateLimitProperties.Limit limit) {
        if (group.whenRedisDown() == RateLimitProperties.WhenRedisDown.LOCAL) {
            long now = nanoTime.getAsLong();
            return fallbackBuckets
                    .get(key, k -> new LocalTokenBucket(limit, now))
                    .take(now, true);
        }
        failOpenCounters
                .computeIfAbsent(
                        group.name(),
                        name -> Counter.builder("lectern.gateway.ratelimit.fail.open")
                                .description("Requests let through unlimited because Redis was unreachable")
                                .tag("group", name)
                                .register(meters))
                .increment();
        return Decision.failOpen(limit.capacity());
    }

    long batch(RateLimitProperties.Limit limit) {
        return Math.max(1, Math.min(props.maxLeaseBatch(), limit.capacity() / Math.max(1, props.leaseDivisor())));
    }
}
