package io.lectern.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lectern.gateway.ThrowawayRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The bucket script is sent by its SHA1 and survives Redis forgetting it (restart, SCRIPT FLUSH); the
 * connection is opened on first use and a failed first connect is tried again. Runs against a
 * redis-server of its own: it flushes scripts and resets statistics.
 */
class RedisScriptTest {

    static final ThrowawayRedis REDIS = new ThrowawayRedis().start();
    static final RedisClient client = RedisClient.create();
    static final StatefulRedisConnection<String, String> admin =
            client.connect(RedisURI.create("127.0.0.1", REDIS.port()));
    static final RateLimitProperties.Limit TEN_PER_QUARTER_HOUR =
            new RateLimitProperties.Limit(10, Duration.ofMinutes(15));

    @AfterAll
    static void close() throws InterruptedException {
        admin.close();
        client.shutdown();
        REDIS.stop();
    }

    static SharedRedisConnection connection(int port) {
        return new SharedRedisConnection(client, RedisURI.create("127.0.0.1", port));
    }

    /** calls and failed_calls of EVAL and EVALSHA since the last CONFIG RESETSTAT. */
    static Map<String, String> scriptCalls() {
        return admin.sync()
                .info("commandstats")
                .lines()
                .filter(line -> line.startsWith("cmdstat_eval:") || line.startsWith("cmdstat_evalsha:"))
                .flatMap(line -> {
                    String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                    return java.util.Arrays.stream(
                                    line.substring(line.indexOf(':') + 1).split(","))
                            .filter(stat -> stat.startsWith("calls=") || stat.startsWith("failed_calls="))
                            .map(stat -> command + "." + stat);
                })
                .collect(Collectors.toMap(s -> s.substring(0, s.indexOf('=')), s -> s.substring(s.indexOf('=') + 1)));
    }

    @Test
    void scriptRunsBySha1AndIsSentAgainAfterScriptFlush() {
        RedisCommands<String, String> redis = admin.sync();
        redis.scriptFlush();
        redis.configResetstat();
        try (SharedRedisConnection connection = connection(REDIS.port())) {
            RedisTokenBuckets buckets = new RedisTokenBuckets(connection);
            String key = "script-test:" + UUID.randomUUID();

            assertThat(buckets.take(key, TEN_PER_QUARTER_HOUR, 1).block().remaining())
                    .isEqualTo(9);
            assertThat(redis.scriptExists(RedisTokenBuckets.TAKE_SHA1))
                    .as("EVAL cached the script under the SHA1 the gateway computed")
                    .containsExactly(true);
            assertThat(buckets.take(key, TEN_PER_QUARTER_HOUR, 1).block().remaining())
                    .isEqualTo(8);
            assertThat(buckets.take(key, TEN_PER_QUARTER_HOUR, 1).block().remaining())
                    .isEqualTo(7);
            assertThat(scriptCalls())
                    .as("one NOSCRIPT on the unknown script, then EVALSHA alone")
                    .containsEntry("evalsha.calls", "3")
                    .containsEntry("evalsha.failed_calls", "1")
                    .containsEntry("eval.calls", "1");

            redis.scriptFlush();
            RedisTokenBuckets.Take afterFlush =
                    buckets.take(key, TEN_PER_QUARTER_HOUR, 1).block();
            assertThat(afterFlush.granted()).isEqualTo(1);
            assertThat(afterFlush.remaining()).as("same bucket, one token less").isEqualTo(6);
            assertThat(redis.scriptExists(RedisTokenBuckets.TAKE_SHA1)).containsExactly(true);
            assertThat(buckets.take(key, TEN_PER_QUARTER_HOUR, 1).block().remaining())
                    .isEqualTo(5);
            assertThat(scriptCalls())
                    .as("the flush cost one more NOSCRIPT and EVAL, then EVALSHA again")
                    .containsEntry("evalsha.calls", "5")
                    .containsEntry("evalsha.failed_calls", "2")
                    .containsEntry("eval.calls", "2");
        }
    }

    @Test
    void bucketsRefuseOnceEmptyAndSayWhenTheNextTokenIsDue() {
        try (SharedRedisConnection connection = connection(REDIS.port())) {
            RedisTokenBuckets buckets = new RedisTokenBuckets(connection);
            String key = "script-test:" + UUID.randomUUID();
            RedisTokenBuckets.Take batch =
                    buckets.take(key, TEN_PER_QUARTER_HOUR, 4).block();
            assertThat(batch.granted()).isEqualTo(4);
            assertThat(batch.remaining()).isEqualTo(6);
            RedisTokenBuckets.Take rest =
                    buckets.take(key, TEN_PER_QUARTER_HOUR, 8).block();
            assertThat(rest.granted()).as("only what is left").isEqualTo(6);
            assertThat(rest.remaining()).isZero();
            // 10 per 15 minutes: a token every 90 s
            assertThat(rest.retryAfterMillis()).isBetween(89_000L, 90_000L);
            assertThat(rest.resetMillis()).isBetween(899_000L, 900_000L);
            RedisTokenBuckets.Take refused =
                    buckets.take(key, TEN_PER_QUARTER_HOUR, 1).block();
            assertThat(refused.granted()).isZero();
            assertThat(refused.retryAfterMillis()).isBetween(89_000L, 90_000L);
        }
    }

    @Test
    void connectsOnFirstUseAndTriesAgainAfterAFailedConnect() throws InterruptedException {
        ThrowawayRedis later = new ThrowawayRedis();
        try (SharedRedisConnection connection = connection(later.port())) {
            RedisTokenBuckets buckets = new RedisTokenBuckets(connection);
            String key = "script-test:" + UUID.randomUUID();
            assertThatThrownBy(() -> buckets.take(key, TEN_PER_QUARTER_HOUR, 1).block())
                    .as("nothing listens yet")
                    .isInstanceOf(RedisConnectionException.class);

            later.start();
            assertThat(buckets.take(key, TEN_PER_QUARTER_HOUR, 1).block().granted())
                    .as("the next use connects")
                    .isEqualTo(1);
        } finally {
            later.stop();
        }
    }
}
