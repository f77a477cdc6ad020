package io.lectern.gateway.ratelimit;

/** An exact in-process token bucket: the fallback limiter while Redis is unreachable. */
final class LocalTokenBucket {

    private final long capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastNanos;

    LocalTokenBucket(RateLimitProperties.Limit limit, long nowNanos) {
        this.capacity = limit.capacity();
        this.tokensPerNano = (double) limit.capacity() / limit.period().toNanos();
        this.tokens = limit.capacity();
        this.lastNanos = nowNanos;
    }

    synchronized Decision take(long nowNanos, boolean degraded) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * tokensPerNano);
            lastNanos = nowNanos;
        }
        long resetMillis = (long) Math.ceil((capacity - tokens) / tokensPerNano / 1_000_000d);
        if (tokens >= 1) {
            tokens -= 1;
            resetMillis = (long) Math.ceil((capacity - tokens) / tokensPerNano / 1_000_000d);
            return new Decision(true, capacity, (long) Math.floor(tokens), 0, resetMillis, degraded);
        }
        long retryMillis = (long) Math.ceil((1 - tokens) / tokensPerNano / 1_000_000d);
        return new Decision(false, capacity, 0, retryMillis, resetMillis, degraded);
    }
}
