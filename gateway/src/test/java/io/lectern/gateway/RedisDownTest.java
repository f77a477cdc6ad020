package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.gateway.cache.PublicAnswerCache;
import io.lectern.gateway.ratelimit.RateLimitProperties;
import io.lectern.gateway.ratelimit.SharedRedisConnection;
import io.lectern.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With Redis gone the gateway still answers at once: general routes fail open (and say so in the
 * degraded gauge), login stays limited in-process. The gateway starts before its Redis does. Uses a
 * throwaway redis-server of its own, never the machine's shared one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisDownTest extends GatewayTestSupport {

    /** Not started yet: the gateway's context starts without it. */
    static final ThrowawayRedis REDIS = new ThrowawayRedis();

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", REDIS::port);
        registry.add("lectern.gateway.rate-limit.breaker.wait-in-open-state", () -> "500ms");
        registry.add("lectern.gateway.rate-limit.redis-timeout", () -> "50ms");
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        REDIS.stop();
    }

    String degradedGauge() throws Exception {
        String metrics =
                get("/actuator/prometheus", "X-Forwarded-For", "127.0.0.1").body();
        return metrics.lines()
                .filter(l -> l.startsWith("lectern_gateway_ratelimit_degraded"))
                .findFirst()
                .orElseThrow();
    }

    @Autowired
    RateLimitProperties limits;

    @Autowired
    SharedRedisConnection redis;

    @Test
    @Order(1)
    void startsWithoutRedisAndSharesLimitsThroughItOnceItIsUp() throws Exception {
        HttpResponse<String> general = get("/api/v1/posts/before-redis-started");
        assertThat(general.statusCode()).as("served with no Redis ever reached").isEqualTo(200);
        assertThat(general.headers().firstValue("X-RateLimit-Policy")).hasValue("general");
        assertThat(degradedGauge()).endsWith(" 1.0");

        REDIS.start();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            get("/api/v1/posts/after-redis-started");
            assertThat(degradedGauge()).endsWith(" 0.0");
        });
        // retried with a new client each time: on a loaded box one call can still miss the 50 ms
        // deadline and be decided in-process
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String ip = randomClientIp();
            assertThat(send("POST", "/api/v1/auth/login", "{}", "X-Forwarded-For", ip)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(redis.commands()
                            .flatMap(commands ->
                                    commands.exists(TestInfrastructure.get().namespace() + ":ratelimit:auth:ip:" + ip))
                            .block())
                    .as("the login counted in this test's Redis")
                    .isEqualTo(1L);
        });
    }

    @Test
    @Order(2)
    void redisDownAnswersFastFailsOpenForGeneralAndKeepsLimitingLogin() throws Exception {
        if (!REDIS.running()) { // run on its own, without the test above
            REDIS.start();
        }
        assertThat(limits.redisTimeout()).as("production's Redis deadline").isEqualTo(Duration.ofMillis(50));
        String loginIp = randomClientIp();
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/v1/auth/login", "{}", "X-Forwarded-For", loginIp)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(get("/api/v1/posts/warm").statusCode()).isEqualTo(200);
        }
        // the first Lettuce connection can miss the 50 ms deadline on a loaded box; wait for the breaker to close
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            get("/api/v1/posts/warm");
            assertThat(degradedGauge()).endsWith(" 0.0");
        });

        REDIS.stop();

        List<Long> millis = new ArrayList<>();
        String generalIp = randomClientIp();
        for (int i = 0; i < 120; i++) {
            long started = System.nanoTime();
            HttpResponse<String> general = get("/api/v1/posts/while-redis-is-down", "X-Forwarded-For", generalIp);
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(general.statusCode())
                    .as("general routes fail open (request %d)", i)
                    .isEqualTo(200);
        }
        String bruteForcer = randomClientIp();
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            long started = System.nanoTime();
            HttpResponse<String> login = send("POST", "/api/v1/auth/login", "{}", "X-Forwarded-For", bruteForcer);
            millis.add((System.nanoTime() - started) / 1_000_000);
            if (login.statusCode() == 200) {
                allowed++;
            } else {
                assertThat(login.statusCode()).isEqualTo(429);
                assertThat(login.headers().firstValue("Retry-After")).isPresent();
                refused++;
            }
        }
        assertThat(allowed).as("in-process fallback keeps the login limit").isEqualTo(10);
        assertThat(refused).isEqualTo(20);
        assertAnsweredFast(millis);
        assertThat(degradedGauge()).endsWith(" 1.0");

        // a new redis-server knows no script: the limiter's EVALSHA gets NOSCRIPT and must recover
        REDIS.start();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            get("/api/v1/posts/after-redis-returned");
            assertThat(degradedGauge()).endsWith(" 0.0");
        });

        // A hung Redis (process frozen, connection open) is the case the deadline and breaker are for.
        new ProcessBuilder("kill", "-STOP", Long.toString(REDIS.pid())).start().waitFor();
        try {
            List<Long> hung = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                long started = System.nanoTime();
                assertThat(get("/api/v1/posts/while-redis-hangs").statusCode()).isEqualTo(200);
                hung.add((System.nanoTime() - started) / 1_000_000);
            }
            assertAnsweredFast(hung);
            assertThat(degradedGauge()).endsWith(" 1.0");
        } finally {
            new ProcessBuilder("kill", "-CONT", Long.toString(REDIS.pid()))
                    .start()
                    .waitFor();
        }
    }

    @Autowired
    PublicAnswerCache publicAnswers;

    int answeredByContent(String path) {
        var count = SERVICES.get("content").answered.get(path);
        return count == null ? 0 : count.get();
    }

    /**
     * The public answer cache can only know of changes through its subscription: while Redis is gone
     * it passes every read on (and keeps nothing), and it serves again once Lettuce has reconnected and
     * Redis has confirmed the subscription.
     */
    @Test
    @Order(3)
    void thePublicAnswerCacheServesOnlyWhileItHearsChanges() throws Exception {
        if (!REDIS.running()) {
            REDIS.start();
        }
        await().atMost(Duration.ofSeconds(40)).until(publicAnswers::serving);
        String path = "/api/v1/posts/public-" + java.util.UUID.randomUUID();
        get(path);
        assertThat(get(path).body()).contains("\"served\":1");

        REDIS.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !publicAnswers.serving());
        assertThat(get(path).body()).as("no copy served while deaf").contains("\"served\":2");
        assertThat(get(path).body()).as("none kept while deaf").contains("\"served\":3");
        // an answer the service marked the same for every reader is passed on too, without the mark
        String shared = "/api/v1/posts/public-shared-" + java.util.UUID.randomUUID();
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> passedOn = get(shared, "Authorization", KEYS.bearer("reader-1", "reader"));
            assertThat(passedOn.body()).contains("\"served\":" + i);
            assertThat(passedOn.headers().firstValue("Cache-Control")).hasValue("no-store, private");
            assertThat(passedOn.headers().firstValue(PublicAnswerCache.SHARED_CACHE_CONTROL))
                    .isEmpty();
        }
        // and so is one marked for an audience (a premium post's body, ADR 0114)
        String premium = "/api/v1/posts/public-premium-" + java.util.UUID.randomUUID();
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> passedOn =
                    get(premium, "Authorization", KEYS.bearerOnTier("premium-1", "premium", "reader"));
            assertThat(passedOn.body()).contains("\"served\":" + i);
            assertThat(passedOn.headers().firstValue(PublicAnswerCache.SHARED_AUDIENCE))
                    .isEmpty();
        }

        REDIS.start();
        await().atMost(Duration.ofSeconds(40)).until(publicAnswers::serving);
        assertThat(get(path).body()).contains("\"served\":4");
        assertThat(get(path).body()).as("kept again").contains("\"served\":4");
        assertThat(answeredByContent(path)).isEqualTo(4);
    }

    /**
     * Under 100 ms as the quality bar asks, judged on the 95th percentile: this box runs several
     * builds at once (load average 10 to 20 on 2 cores), so single requests can stall on CPU
     * scheduling for reasons unrelated to Redis. The maximum still proves nothing ever waits on it.
     */
    static void assertAnsweredFast(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        assertThat(p95).as("95th percentile of %s", sorted).isLessThan(100);
        assertThat(sorted.get(sorted.size() - 1)).as("slowest").isLessThan(1000);
    }
}
