package io.lectern.gateway.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The limiter's one Redis connection (Lettuce connections are thread-safe and pipeline concurrent
 * commands), opened on first use so the gateway starts while Redis is down. Once open, Lettuce keeps
 * it: it reconnects by itself and, while disconnected, refuses commands at once. A first connect that
 * fails is not kept: the next use tries again (the limiter's breaker spaces those tries out).
 * Concurrent first uses share one attempt, and no thread waits for it.
 */
public final class SharedRedisConnection implements AutoCloseable {

    private final RedisClient client;
    private final RedisURI uri;
    private final AtomicReference<@Nullable CompletableFuture<StatefulRedisConnection<String, String>>> connection =
            new AtomicReference<>();
    private volatile boolean closed;

    public SharedRedisConnection(RedisClient client, RedisURI uri) {
        this.client = client;
        this.uri = uri;
    }

    /** The commands of the open connection, connecting first if no connection is open or opening. */
    public Mono<RedisReactiveCommands<String, String>> commands() {
        return Mono.defer(() -> Mono.fromFuture(connection(), true)).map(StatefulRedisConnection::reactive);
    }

    private CompletableFuture<StatefulRedisConnection<String, String>> connection() {
        while (true) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("Redis connection closed"));
            }
            CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
            if (current != null && !current.isCompletedExceptionally()) {
                return current;
            }
            CompletableFuture<StatefulRedisConnection<String, String>> attempt = new CompletableFuture<>();
            if (connection.compareAndSet(current, attempt)) {
                client.connectAsync(StringCodec.UTF8, uri).whenComplete((opened, error) -> {
                    if (error != null) {
                        attempt.completeExceptionally(error);
                    } else {
                        attempt.complete(opened);
                    }
                });
                return attempt;
            }
        }
    }

    /** Closes the connection if one is open; the client's own shutdown closes one still opening. */
    @Override
    public void close() {
        closed = true;
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.getAndSet(null);
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().close();
        }
    }
}
