package io.lectern.content.readcache;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tells the gateways that the public read answers changed: a Redis pub/sub message on
 * {@code <namespace>:content:read-changed} after every change the read cache hears (ADR 0035, "The
 * gateway keeps public answers too"). A gateway only serves from its own copy of these answers while
 * it is subscribed, so a message lost with a broken connection is never a silent stale answer; one the
 * publish itself loses is bounded by the gateway's time-to-live.
 *
 * <p>PUBLISH blocks, and with Redis unreachable taking or opening a connection takes seconds, so it
 * runs on a thread of its own, never the change listener's. Changes heard while a publish is still
 * waiting to run share it: the message only says "something changed", and that publish starts after
 * all of them.
 */
public final class ReadChangeSignal implements AutoCloseable {

    /** Suffix after the events namespace; the gateway's lectern.gateway.public-cache.channel. */
    public static final String CHANNEL_SUFFIX = ":content:read-changed";

    private static final Logger log = LoggerFactory.getLogger(ReadChangeSignal.class);

    private final RedisClient redis;
    private final String channel;
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("content-read-change-signal").factory());
    /** A publish is queued and has not started yet: a change heard now is covered by it. */
    private final AtomicBoolean queued = new AtomicBoolean();

    public ReadChangeSignal(RedisClient redis, String namespace) {
        this.redis = redis;
        this.channel = namespace + CHANNEL_SUFFIX;
    }

    /** Never blocks the caller (the change listener's thread) and never throws. */
    public void publish() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            publisher.execute(this::send);
        } catch (RejectedExecutionException e) {
            queued.set(false);
            log.warn("read change not published to the gateways: {}", e.toString());
        }
    }

    private void send() {
        // cleared before the PUBLISH: a change heard from here on queues one more
        queued.set(false);
        try {
            redis.publish(channel, "changed");
        } catch (JedisException e) {
            log.warn("read change not published to the gateways: {}", e.toString());
        }
    }

    /** Lets a publish already queued go out (the client closes after this bean), then stops the thread. */
    @Override
    public void close() {
        publisher.shutdown();
        try {
            if (!publisher.awaitTermination(3, TimeUnit.SECONDS)) {
                publisher.shutdownNow();
            }
        } catch (InterruptedException e) {
            publisher.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
