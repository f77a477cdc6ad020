package io.lectern.gateway.ratelimit;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The shared buckets. One atomic script takes up to {@code want} tokens at once, using Redis's own
 * clock so gateway instances with skewed clocks still agree. The script is sent by its SHA1
 * (EVALSHA); a Redis that does not know it (first call, restart, SCRIPT FLUSH) answers NOSCRIPT, and
 * the call is repeated with the script itself (EVAL), which also puts it back in Redis's script cache.
 */
public final class RedisTokenBuckets {

    /** Granted tokens, whole tokens left, ms until the next token, ms until the bucket is full. */
    record Take(long granted, long remaining, long retryAfterMillis, long resetMillis) {}

    static final String TAKE = """
            local capacity = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local want = tonumber(ARGV[3])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1])
            local ts = tonumber(state[2])
            local rate = capacity / period
            if tokens == nil or ts == nil then
              tokens = capacity
              ts = now
            end
            if now > ts then
              tokens = math.min(capacity, tokens + (now - ts) * rate)
              ts = now
            end
            local granted = math.min(want, math.floor(tokens))
            tokens = tokens - granted
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
            local reset = math.ceil((capacity - tokens) / rate)
            redis.call('PEXPIRE', KEYS[1], reset + 1000)
            local retry = 0
            if granted < want then
              retry = math.ceil((1 - (tokens - math.floor(tokens))) / rate)
            end
            return {granted, math.floor(tokens), retry, reset}
            """;

    static final String TAKE_SHA1 = sha1(TAKE);

    private final SharedRedisConnection redis;

    public RedisTokenBuckets(SharedRedisConnection redis) {
        this.redis = redis;
    }

    Mono<Take> take(String key, RateLimitProperties.Limit limit, long want) {
        String[] keys = {key};
        String[] args = {
            Long.toString(limit.capacity()), Long.toString(limit.period().toMillis()), Long.toString(want)
        };
        // Subscribed off the Netty event loop: the subscribing thread is the one that hands the
        // command to Lettuce, and Lettuce holds writers back (its endpoint's lock) while the connection
        // goes down or comes back up; an event loop held that way stalls every request it serves. Off
        // the loop, the caller's deadline bounds the request.
        return redis.commands()
                .flatMap(commands -> evalsha(commands, keys, args)
                        .onErrorResume(RedisNoScriptException.class, noScript -> eval(commands, keys, args)))
                .map(RedisTokenBuckets::toTake)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Mono<List<?>> evalsha(RedisReactiveCommands<String, String> commands, String[] keys, String[] args) {
        return commands.<List<?>>evalsha(TAKE_SHA1, ScriptOutputType.MULTI, keys, args)
                .next();
    }

    private static Mono<List<?>> eval(RedisReactiveCommands<String, String> commands, String[] keys, String[] args) {
        return commands.<List<?>>eval(TAKE, ScriptOutputType.MULTI, keys, args).next();
    }

    private static Take toTake(List<?> result) {
        return new Take(number(result.get(0)), number(result.get(1)), number(result.get(2)), number(result.get(3)));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
