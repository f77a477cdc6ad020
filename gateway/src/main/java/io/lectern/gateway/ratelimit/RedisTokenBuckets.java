package io.lectern.gateway.ratelimit;

import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The shared buckets. One atomic script takes up to {@code want} tokens at once, using Redis's own
 * clock so gateway instances with skewed clocks still agree.
 */
public final class RedisTokenBuckets {

    /** Granted tokens, whole tokens left, ms until the next token, ms until the bucket is full. */
    record Take(long granted, long remaining, long retryAfterMillis, long resetMillis) {}

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TAKE = RedisScript.of("""
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
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    public RedisTokenBuckets(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    Mono<Take> take(String key, RateLimitProperties.Limit limit, long want) {
        List<String> args = List.of(
                Long.toString(limit.capacity()), Long.toString(limit.period().toMillis()), Long.toString(want));
        // Subscribed off the Netty event loop: while Redis is down, acquiring the shared connection
        // can block the subscribing thread on a reconnect, and an event loop blocked that way stalls
        // every request it serves. Off the loop, the caller's deadline bounds the request.
        return redis.execute(TAKE, List.of(key), args)
                .next()
                .map(RedisTokenBuckets::toTake)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Take toTake(List<?> result) {
        return new Take(number(result.get(0)), number(result.get(1)), number(result.get(2)), number(result.get(3)));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}
