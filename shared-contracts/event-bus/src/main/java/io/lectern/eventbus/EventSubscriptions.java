package io.lectern.eventbus;

import io.lectern.contracts.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event a service consumes, declared in one bean in the service's {@code config/} package:
 *
 * <pre>{@code
 * @Bean EventSubscriptions subscriptions(Handlers h) {
 *     return EventSubscriptions.builder()
 *             .on(UserRegistered.class, h::onUserRegistered)
 *             .on(PostPublished.class, h::onPostPublished)
 *             .build();
 * }
 * }</pre>
 *
 * The stream read for a type is that of its producer: the part of the type string before the first
 * dot ({@code content.post-published.v1} is read from the {@code content} stream). Types nobody
 * subscribed to are acknowledged and ignored, so new event types never break an older consumer.
 */
public final class EventSubscriptions {

    /** One subscription: the payload class, its type string, and the handler. */
    public record Subscription<T>(String type, Class<T> payloadType, EventHandler<T> handler) {
        public String producer() {
            return type.substring(0, type.indexOf('.'));
        }
    }

    private final List<Subscription<?>> subscriptions;

    private EventSubscriptions(List<Subscription<?>> subscriptions) {
        this.subscriptions = List.copyOf(subscriptions);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Subscription<?>> all() {
        return subscriptions;
    }

    public Map<String, Subscription<?>> byType() {
        return subscriptions.stream().collect(Collectors.toMap(Subscription::type, Function.identity()));
    }

    /** The producers (streams) this service reads. */
    public List<String> producers() {
        return subscriptions.stream()
                .map(Subscription::producer)
                .distinct()
                .sorted()
                .toList();
    }

    public static final class Builder {
        private final List<Subscription<?>> list = new ArrayList<>();

        public <T> Builder on(Class<T> payloadType, EventHandler<T> handler) {
            String type = EventEnvelope.typeOf(payloadType);
            if (list.stream().anyMatch(s -> s.type().equals(type))) {
                throw new IllegalArgumentException("two handlers for " + type);
            }
            list.add(new Subscription<>(type, payloadType, handler));
            return this;
        }

        public EventSubscriptions build() {
            return new EventSubscriptions(list);
        }
    }
}
