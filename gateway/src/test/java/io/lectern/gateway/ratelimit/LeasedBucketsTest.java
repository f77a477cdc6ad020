package io.lectern.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lectern.testsupport.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Batching tokens out of Redis must not loosen the limit: a bucket of 1000 (leased 10 at a time)
 * admits exactly 1000, also to concurrent callers, and two gateway instances sharing it never admit
 * more than 1000 together.
 */
class LeasedBucketsTest {

    static final RedisClient client = RedisClient.create();
    static final SharedRedisConnection redis = new SharedRedisConnection(
            client,
            RedisURI.create(
                    TestInfrastructure.get().redisHost(),
                    TestInfrastructure.get().redisPort()));

    static final RateLimitProperties.Limit THOUSAND_PER_HOUR = new RateLimitProperties.Limit(1000, Duration.ofHours(1));
    static final RateLimitProperties.Group GROUP = new RateLimitProperties.Group(
            "test", List.of("/**"), THOUSAND_PER_HOUR, THOUSAND_PER_HOUR, RateLimitProperties.WhenRedisDown.OPEN);

    static RateLimiter limiter() {
        RateLimitProperties props = new RateLimitProperties(
                true,
                "x",
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                100,
                64,
                List.of(),
                List.of(GROUP),
                new RateLimitProperties.Breaker(10, 5, 50, Duration.ofSeconds(5)));
        return new RateLimiter(
                new RedisTokenBuckets(redis),
                props,
                CircuitBreaker.ofDefaults("test"),
                new SimpleMeterRegistry(),
                System::nanoTime);
    }

    static String key() {
        return TestInfrastructure.get().namespace() + ":ratelimit:leases:" + UUID.randomUUID();
    }

    @AfterAll
    static void close() {
        redis.close();
        client.shutdown();
    }

    @Test
    void smallBucketsCountDownOneByOne() {
        RateLimitProperties.Limit ten = new RateLimitProperties.Limit(10, Duration.ofMinutes(15));
        RateLimiter limiter = limiter();
        String key = key();
        for (int i = 1; i <= 10; i++) {
            Decision decision = limiter.decide(GROUP, key, ten).block();
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).as("after request %d", i).isEqualTo(10 - i);
        }
        Decision refused = limiter.decide(GROUP, key, ten).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMillis()).isBetween(85_000L, 90_000L);
    }

    @Test
    void leasesAreTenTokensForABucketOfAThousand() {
        assertThat(limiter().batch(THOUSAND_PER_HOUR)).isEqualTo(10);
    }

    @Test
    void concurrentCallersGetExactlyTheCapacity() {
        RateLimiter limiter = limiter();
        String key = key();
        AtomicInteger allowed = new AtomicInteger();
        IntStream.range(0, 1200).parallel().forEach(i -> {
            if (limiter.decide(GROUP, key, THOUSAND_PER_HOUR).block().allowed()) {
                allowed.incrementAndGet();
            }
        });
        assertThat(allowed.get()).isEqualTo(1000);
    }

    @Test
    void twoInstancesSharingABucketNeverExceedIt() {
        RateLimiter first = limiter();
        RateLimiter second = limiter();
        String key = key();
        int allowed = 0;
        for (int i = 0; i < 1200; i++) {
            RateLimiter instance = i % 2 == 0 ? first : second;
            if (instance.decide(GROUP, key, THOUSAND_PER_HOUR).block().allowed()) {
                allowed++;
            }
        }
        // tokens leased to one instance are not spendable by the other: at most one batch each lost
        assertThat(allowed).isBetween(1000 - 2 * 10, 1000);
    }
}
