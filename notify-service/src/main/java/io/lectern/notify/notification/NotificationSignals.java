package io.lectern.notify.notification;

import io.lectern.eventbus.RedisClientAutoConfiguration;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * "User X has something new", fanned out to every notify instance over Redis pub/sub. Pub/sub is
 * lossy and that is fine here: it only nudges open streams to read the database, which is the
 * record; a client that missed a nudge gets the rows on its next nudge or reconnect.
 *
 * <p>An instance holds one subscription, whatever its number of listeners: a SUBSCRIBE blocks a
 * connection and a thread for as long as it lasts. It starts with the first listener (the stream
 * registry's, at start-up), so an instance that only publishes holds neither, and it lasts until the
 * context closes. A lost connection is subscribed again after {@link #RETRY}; nudges sent in between
 * are lost like any other. The subscriber's read gives up when nothing arrives for
 * {@code lectern.redis.blocking-timeout} (60 s, the client's bound on every blocking read): a PING every
 * half of that keeps a quiet but healthy subscription answering, so only a connection that died without a
 * word (Redis moved, a network drop) times out, and is subscribed again.
 */
@Component
class NotificationSignals {

    static final Duration RETRY = Duration.ofSeconds(1);
    /** Longest {@link #subscribe} waits for the subscription to be live before it returns anyway. */
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(NotificationSignals.class);

    private final RedisClient redis;
    private final String channel;
    private final Duration pingEvery;
    private final Map<Integer, Consumer<UUID>> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger nextListenerId = new AtomicInteger();
    private @Nullable Thread subscriber;
    private @Nullable ScheduledExecutorService pinger;
    private volatile @Nullable Subscription current;
    /** Completed while a subscription is live; replaced by an open one when it is lost. */
    private volatile CompletableFuture<Void> live = new CompletableFuture<>();

    private volatile boolean closed;
    /** Only touched by the subscriber thread: one WARN per outage, not one per attempt. */
    private boolean outage;

    NotificationSignals(
            RedisClient redis,
            @Value("${lectern.events.namespace:lectern}") String namespace,
            @Value(RedisClientAutoConfiguration.BLOCKING_TIMEOUT) Duration blockingTimeout) {
        this.redis = redis;
        this.channel = namespace + ":notify:new-notification";
        this.pingEvery = blockingTimeout.dividedBy(2);
    }

    void publish(UUID userId) {
        try {
            redis.publish(channel, userId.toString());
        } catch (JedisException e) {
            log.warn(
                    "live nudge for {} not published (stream clients catch up on reconnect): {}", userId, e.toString());
        }
    }

    /**
     * Registers a listener, called on the subscriber thread for every nudge (so it must not block).
     * Returns once the subscription is live, as nudges published after that reach it, or after a few
     * seconds with Redis unreachable: the listener is registered and hears nudges once it is back.
     */
    int subscribe(Consumer<UUID> listener) {
        int id = nextListenerId.getAndIncrement();
        listeners.put(id, listener);
        startSubscriber();
        try {
            live.get(SUBSCRIBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("live nudges not subscribed yet, still trying: streams catch up on their next nudge");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return id;
    }

    void unsubscribe(int listenerId) {
        listeners.remove(listenerId);
    }

    private synchronized void startSubscriber() {
        if (subscriber != null || closed) {
            return;
        }
        subscriber = Thread.ofVirtual().name("notify-signals").start(this::listen);
        ScheduledExecutorService ping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("notify-signals-ping").factory());
        ping.scheduleWithFixedDelay(this::ping, pingEvery.toMillis(), pingEvery.toMillis(), TimeUnit.MILLISECONDS);
        pinger = ping;
    }

    private void listen() {
        while (!closed) {
            Subscription subscription = new Subscription();
            current = subscription;
            try {
                redis.subscribe(subscription, channel);
            } catch (JedisException e) {
                if (!closed && !outage) {
                    outage = true;
                    log.warn(
                            "live nudges from other instances paused, Redis subscription lost; retrying every {} ms: {}",
                            RETRY.toMillis(),
                            e.toString());
                }
            }
            if (live.isDone()) {
                live = new CompletableFuture<>();
            }
            // set when close() interrupted a read: the loop condition decides, not the flag
            Thread.interrupted();
            if (!closed) {
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException e) {
                    // close() wakes the thread; the loop condition decides
                }
            }
        }
    }

    /** Runs on the ping thread: Redis's answer is something for the subscriber's read to receive. */
    private void ping() {
        Subscription subscription = current;
        if (subscription == null || !subscription.isSubscribed()) {
            return;
        }
        try {
            subscription.ping();
        } catch (JedisException e) {
            // the connection is gone: the subscriber thread hears it from its own read
            log.debug("PING on the nudge subscription not sent: {}", e.toString());
        }
    }

    /** Unsubscribes, so the subscriber thread's read returns, and gives it a moment to end. */
    @PreDestroy
    void close() {
        Thread thread;
        synchronized (this) {
            closed = true;
            thread = subscriber;
            if (pinger != null) {
                pinger.shutdownNow();
            }
        }
        if (thread == null) {
            return;
        }
        Subscription subscription = current;
        if (subscription != null && subscription.isSubscribed()) {
            try {
                subscription.unsubscribe();
            } catch (JedisException e) {
                log.debug("nudge subscription not unsubscribed, interrupting its thread: {}", e.toString());
            }
        }
        try {
            if (!thread.join(Duration.ofSeconds(2))) {
                // still taking a connection or subscribing: the interrupt ends the read or the retry's sleep
                thread.interrupt();
                thread.join(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(String message) {
        UUID userId;
        try {
            userId = UUID.fromString(message);
        } catch (IllegalArgumentException e) {
            log.warn(
                    "ignored a nudge that names no user: {}",
                    message.length() > 64 ? message.substring(0, 64) : message);
            return;
        }
        for (Consumer<UUID> listener : listeners.values()) {
            try {
                listener.accept(userId);
            } catch (RuntimeException e) {
                log.warn("nudge listener failed for {}", userId, e);
            }
        }
    }

    private final class Subscription extends JedisPubSub {

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            if (closed) {
                // close() came while this subscription was being made
                unsubscribe();
                return;
            }
            if (outage) {
                outage = false;
                log.info("live nudges from other instances subscribed again");
            }
            live.complete(null);
        }

        @Override
        public void onMessage(String channel, String message) {
            dispatch(message);
        }
    }
}
