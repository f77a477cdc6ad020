package io.lectern.notify.notification;

import java.util.UUID;
import java.util.function.Consumer;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "User X has something new", fanned out to every notify instance over Redis pub/sub. Pub/sub is
 * lossy and that is fine here: it only nudges open streams to read the database, which is the
 * record; a client that missed a nudge gets the rows on its next nudge or reconnect.
 */
@Component
class NotificationSignals {

    private static final Logger log = LoggerFactory.getLogger(NotificationSignals.class);

    private final RTopic topic;

    NotificationSignals(RedissonClient redisson, @Value("${lectern.events.namespace:lectern}") String namespace) {
        this.topic = redisson.getTopic(namespace + ":notify:new-notification", StringCodec.INSTANCE);
    }

    void publish(UUID userId) {
        try {
            topic.publish(userId.toString());
        } catch (RuntimeException e) {
            log.warn(
                    "live nudge for {} not published (stream clients catch up on reconnect): {}", userId, e.toString());
        }
    }

    int subscribe(Consumer<UUID> listener) {
        return topic.addListener(String.class, (channel, message) -> listener.accept(UUID.fromString(message)));
    }

    void unsubscribe(int listenerId) {
        topic.removeListener(listenerId);
    }
}
