package io.lectern.content.readcache;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the gateways that the public read answers changed: one Redis pub/sub message on
 * {@code <namespace>:content:read-changed} for every change the read cache hears (ADR 0035, "The
 * gateway keeps public answers too"). A gateway only serves from its own copy of these answers while
 * it is subscribed, so a message lost with a broken connection is never a silent stale answer; one the
 * publish itself loses is bounded by the gateway's time-to-live.
 */
public final class ReadChangeSignal {

    /** Suffix after the events namespace; the gateway's lectern.gateway.public-cache.channel. */
    public static final String CHANNEL_SUFFIX = ":content:read-changed";

    private static final Logger log = LoggerFactory.getLogger(ReadChangeSignal.class);

    private final RTopic topic;

    public ReadChangeSignal(RedissonClient redisson, String namespace) {
        this.topic = redisson.getTopic(namespace + CHANNEL_SUFFIX, StringCodec.INSTANCE);
    }

    /** Never blocks the caller (the change listener's thread) and never throws. */
    public void publish() {
        try {
            topic.publishAsync("changed").whenComplete((receivers, error) -> {
                if (error != null) {
                    log.warn("read change not published to the gateways: {}", error.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("read change not published to the gateways: {}", e.toString());
        }
    }
}
