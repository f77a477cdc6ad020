package io.lectern.content.readcache;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Holds one database connection that LISTENs on {@value #CHANNEL} (a statement trigger on post,
 * post_tag, tag and series NOTIFYs it, delivered on commit) and invalidates the read cache on every
 * notification. While it has no connection, the cache is bypassed: stale answers are never served
 * because a change went unheard. Every invalidation is also published to the gateways
 * ({@link ReadChangeSignal}), which keep copies of the same public answers.
 */
public final class ContentChangeListener implements SmartLifecycle {

    static final String CHANNEL = "content_read_changed";
    private static final Logger log = LoggerFactory.getLogger(ContentChangeListener.class);

    private final DataSource dataSource;
    private final PublicReadCache cache;
    private final ReadCacheProperties props;
    private final ReadChangeSignal signal;
    private volatile boolean running;
    private volatile Thread thread;

    public ContentChangeListener(
            DataSource dataSource, PublicReadCache cache, ReadCacheProperties props, ReadChangeSignal signal) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.props = props;
        this.signal = signal;
        this.thread = new Thread(() -> {});
    }

    @Override
    public void start() {
        if (!props.enabled()) {
            return;
        }
        running = true;
        thread =
                Thread.ofPlatform().daemon().name("content-read-cache-listener").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
        cache.listening(false);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                cache.listening(true);
                // changes made while nobody listened went unheard by the gateways too
                signal.publish();
                try {
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(5_000);
                        if (notifications != null && notifications.length > 0) {
                            cache.invalidate();
                            signal.publish();
                        }
                    }
                } finally {
                    cache.listening(false);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("UNLISTEN " + CHANNEL);
                    }
                }
            } catch (Exception e) {
                cache.listening(false);
                if (!running) {
                    return;
                }
                log.warn(
                        "Read cache listener lost its connection, cache bypassed until it listens again: {}",
                        e.toString());
                try {
                    Thread.sleep(props.reconnectDelay());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        cache.listening(false);
    }
}
