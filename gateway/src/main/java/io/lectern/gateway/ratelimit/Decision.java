package io.lectern.gateway.ratelimit;

/**
 * What the limiter says about one request.
 *
 * @param remaining tokens left in the caller's bucket, or -1 when unknown (Redis down, failing open)
 * @param retryAfterMillis when rejected, how long until the next token
 * @param resetMillis how long until the bucket is full again
 */
record Decision(
        boolean allowed, long limit, long remaining, long retryAfterMillis, long resetMillis, boolean degraded) {

    static Decision failOpen(long limit) {
        return new Decision(true, limit, -1, 0, 0, true);
    }
}
