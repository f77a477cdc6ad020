package io.lectern.eventbus;

import org.jspecify.annotations.Nullable;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.PendingResult;
import org.redisson.api.stream.StreamGroup;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamTrimArgs;
import org.redisson.client.codec.StringCodec;

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

    private final RStream<String, String> stream;
    private final java.time.Duration abandonedAfter;

    StreamTrimmer(RedissonClient redis, BusIdentity identity) {
        this(redis, identity, java.time.Duration.ofDays(7));
    }

    StreamTrimmer(RedissonClient redis, BusIdentity identity, java.time.Duration abandonedAfter) {
        this.stream = redis.getStream(identity.streamKey(identity.producer()), StringCodec.INSTANCE);
        this.abandonedAfter = abandonedAfter;
    }

    private boolean abandoned(String group) {
        var consumers = stream.listConsumers(group);
        return !consumers.isEmpty() && consumers.stream().allMatch(c -> c.getIdleTime() > abandonedAfter.toMillis());
    }

    /** Returns the number of entries removed. */
    long trim() {
        StreamMessageId bound = safeBound();
        if (bound == null) {
            return 0;
        }
        return stream.trim(StreamTrimArgs.minId(bound).noLimit());
    }

    @Nullable
    StreamMessageId safeBound() {
        if (!stream.isExists()) {
            return null;
        }
        StreamMessageId bound = null;
        for (StreamGroup group : stream.listGroups()) {
            if (abandoned(group.getName())) {
                continue;
            }
            StreamMessageId needed = group.getLastDeliveredId();
            if (group.getPending() > 0) {
                PendingResult pending = stream.getPendingInfo(group.getName());
                StreamMessageId lowest = pending.getLowestId();
                if (lowest != null && StreamEntries.ORDER.compare(lowest, needed) < 0) {
                    needed = lowest;
                }
            }
            if (bound == null || StreamEntries.ORDER.compare(needed, bound) < 0) {
                bound = needed;
            }
        }
        if (bound == null || (bound.getId0() == 0 && bound.getId1() == 0)) {
            return null;
        }
        return bound;
    }
}
