package io.lectern.notify.notification;

import io.lectern.notify.config.NotifyProperties;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of this instance. Each remembers the last seq it delivered; a
 * nudge (from any instance, through {@link NotificationSignals}) makes it read and send the rows
 * after that seq, so events are sent in order, once per stream, and nothing is skipped.
 */
@Component
class NotificationStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationStream.class);
    private static final int REPLAY_LIMIT = 500;

    private final Notifications notifications;
    private final NotificationSignals signals;
    private final NotifyProperties.Stream settings;
    private final Map<UUID, Set<Client>> clients = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    private volatile int listenerId = -1;

    NotificationStream(Notifications notifications, NotificationSignals signals, NotifyProperties props) {
        this.notifications = notifications;
        this.signals = signals;
        this.settings = props.stream();
    }

    SseEmitter open(UUID userId, long lastEventId) {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Client client = new Client(userId, emitter, lastEventId < 0 ? notifications.lastSeq(userId) : lastEventId);
        clients.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(client);
        Runnable remove = () -> remove(client);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        senders.execute(() -> {
            client.send(SseEmitter.event().comment("connected"));
            client.catchUp();
        });
        return emitter;
    }

    void nudge(UUID userId) {
        Set<Client> open = clients.get(userId);
        if (open != null) {
            for (Client client : open) {
                senders.execute(client::catchUp);
            }
        }
    }

    int openStreams() {
        return clients.values().stream().mapToInt(Set::size).sum();
    }

    private void remove(Client client) {
        clients.computeIfPresent(client.userId, (k, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }

    private void beat() {
        for (Set<Client> set : clients.values()) {
            for (Client client : set) {
                senders.execute(() -> client.send(SseEmitter.event().comment("keep-alive")));
            }
        }
    }

    @Override
    public void start() {
        listenerId = signals.subscribe(this::nudge);
        long every = settings.heartbeat().toMillis();
        heartbeat =
                Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (listenerId >= 0) {
            signals.unsubscribe(listenerId);
            listenerId = -1;
        }
        heartbeat.shutdownNow();
        clients.values().forEach(set -> set.forEach(c -> c.emitter.complete()));
        clients.clear();
    }

    @Override
    public boolean isRunning() {
        return listenerId >= 0;
    }

    private final class Client {
        final UUID userId;
        final SseEmitter emitter;
        long lastSent;

        Client(UUID userId, SseEmitter emitter, long lastSent) {
            this.userId = userId;
            this.emitter = emitter;
            this.lastSent = lastSent;
        }

        /** Sends every row after the last one sent; synchronized so each row goes out once, in order. */
        synchronized void catchUp() {
            List<NotificationResponse> missed;
            do {
                missed = notifications.after(userId, lastSent, REPLAY_LIMIT);
                for (NotificationResponse n : missed) {
                    if (!send(SseEmitter.event()
                            .id(Long.toString(n.seq()))
                            .name("notification")
                            .data(n, MediaType.APPLICATION_JSON))) {
                        return;
                    }
                    lastSent = n.seq();
                }
            } while (missed.size() == REPLAY_LIMIT);
        }

        synchronized boolean send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
                return true;
            } catch (IOException | IllegalStateException e) {
                log.debug("stream of {} closed: {}", userId, e.toString());
                remove(this);
                return false;
            }
        }
    }
}
