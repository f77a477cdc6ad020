package io.lectern.eventbus;

import org.jspecify.annotations.Nullable;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * Trims the service's own stream with MINID = the oldest entry any group still needs: per group its
 * oldest pending entry, or its last-delivered id when nothing is pending. Redis 7.0 trimming does not
 * look at pending lists, so a blind MAXLEN would silently drop unacknowledged work; this never does.
 * A stream without groups is not trimmed (nobody has read it yet). A group whose every consumer has
 * been idle longer than {@code abandonedAfter} (a retired or renamed service) no longer holds trimming
 * back: otherwise it would pin MINID forever and Redis would fill up under noeviction. Its events stay
 * in the producers' outbox for the relay retention, so a service that returns can be replayed to.
 */
final class StreamTrimmer {

    private static final StreamEntryID ZERO = new StreamEntryID(0, 0);

    private final RedisClient redis;
    private final String stream;
    private final java.time.Duration abandonedAfter;

    StreamTrimmer(RedisClient redis, BusIdentity identity) {
        this(redis, identity, java.time.Duration.ofDays(7));
    }

    StreamTrimmer(RedisClient redis, BusIdentity identity, java.time.Duration abandonedAfter) {
        this.redis = redis;
        this.stream = identity.streamKey(identity.producer());
        this.abandonedAfter = abandonedAfter;
    }

    private boolean abandoned(String group) {
        var consumers = redis.xinfoConsumers2(stream, group);
        return !consumers.isEmpty() && consumers.stream().allMatch(c -> c.getIdle() > abandonedAfter.toMillis());
    }

    /** Returns the number of entries removed. */
    long trim() {
        StreamEntryID bound = safeBound();
        if (bound == null) {
            return 0;
        }
        return redis.xtrim(
                stream, XTrimParams.xTrimParams().minId(bound.toString()).exactTrimming());
    }

    @Nullable
    StreamEntryID safeBound() {
        if (!redis.exists(stream)) {
            return null;
        }
        StreamEntryID bound = null;
        for (StreamGroupInfo group : redis.xinfoGroups(stream)) {
            if (abandoned(group.getName())) {
                continue;
            }
            StreamEntryID needed = group.getLastDeliveredId();
            if (group.getPending() > 0) {
                StreamEntryID lowest = redis.xpending(stream, group.getName()).getMinId();
                if (lowest != null && lowest.compareTo(needed) < 0) {
                    needed = lowest;
                }
            }
            if (bound == null || needed.compareTo(bound) < 0) {
                bound = needed;
            }
        }
        if (bound == null || ZERO.equals(bound)) {
            return null;
        }
        return bound;
    }
}
