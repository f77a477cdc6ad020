package io.lectern.gateway.cache;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Subscribes the cache to the services' change channels and keeps it honest about the subscription:
 * the cache serves only from the moment Redis confirms the subscription to every channel (one
 * connection for all of them), and is emptied and bypassed
 * the moment the connection drops. Lettuce reconnects and subscribes again by itself; its confirmation
 * turns serving back on. While Redis cannot be reached at start, a new attempt is made every
 * {@code resubscribe-delay}, and the gateway serves every read from the service meanwhile.
 */
public final class InvalidationSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InvalidationSubscriber.class);

    private final RedisClient client;
    private final RedisURI uri;
    private final PublicAnswerCache cache;
    private final PublicCacheProperties props;
    private volatile boolean running;
    private volatile @Nullable StatefulRedisPubSubConnection<String, String> connection;

    public InvalidationSubscriber(
            RedisClient client, RedisURI uri, PublicAnswerCache cache, PublicCacheProperties props) {
        this.client = client;
        this.uri = uri;
        this.cache = cache;
        this.props = props;
    }

    @Override
    public void start() {
        if (!props.enabled()) {
            return;
        }
        running = true;
        connect();
    }

    private void connect() {
        if (!running) {
            return;
        }
        client.connectPubSubAsync(StringCodec.UTF8, uri).whenComplete((opened, error) -> {
            if (error != null) {
                log.warn(
                        "Public answer cache bypassed: cannot subscribe to {} ({}); trying again in {}",
                        props.channels(),
                        error.toString(),
                        props.resubscribeDelay());
                retryLater();
                return;
            }
            if (!running) {
                opened.closeAsync();
                return;
            }
            listen(opened);
            connection = opened;
            opened.async().subscribe(props.channels().toArray(String[]::new)).whenComplete((ignored, failed) -> {
                if (failed != null) {
                    log.warn(
                            "Public answer cache bypassed: SUBSCRIBE {} failed ({})",
                            props.channels(),
                            failed.toString());
                    connection = null;
                    opened.closeAsync();
                    retryLater();
                }
            });
        });
    }

    private void listen(StatefulRedisPubSubConnection<String, String> opened) {
        Set<String> channels = Set.copyOf(props.channels());
        // confirmed on this connection; Lettuce subscribes again after a reconnect, confirming each anew
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        opened.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (channels.contains(from)) {
                    cache.invalidate();
                }
            }

            @Override
            public void subscribed(String to, long count) {
                if (channels.contains(to) && confirmed.add(to) && confirmed.containsAll(channels)) {
                    cache.subscribed(true);
                }
            }

            @Override
            public void unsubscribed(String from, long count) {
                if (channels.contains(from)) {
                    confirmed.remove(from);
                    cache.subscribed(false);
                }
            }
        });
        ((RedisChannelHandler<?, ?>) opened).addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> which) {
                confirmed.clear();
                cache.subscribed(false);
                log.warn("Public answer cache bypassed: lost the Redis connection of {}", channels);
            }
        });
    }

    private void retryLater() {
        if (running) {
            CompletableFuture.delayedExecutor(props.resubscribeDelay().toMillis(), TimeUnit.MILLISECONDS)
                    .execute(this::connect);
        }
    }

    @Override
    public void stop() {
        running = false;
        cache.subscribed(false);
        StatefulRedisPubSubConnection<String, String> open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
