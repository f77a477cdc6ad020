package io.lectern.eventbus;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import redis.clients.jedis.RedisClient;

/** Runs one {@link StreamConsumer} per subscribed producer stream, each on its own virtual thread. */
final class EventConsumers implements SmartLifecycle {

    private final RedisClient redis;
    private final BusIdentity identity;
    private final EventBusProperties.Consumer props;
    private final InboxDispatcher dispatcher;
    private final EventBusMetrics metrics;
    private final List<String> producers;
    private final List<StreamConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    EventConsumers(
            RedisClient redis,
            BusIdentity identity,
            EventBusProperties.Consumer props,
            InboxDispatcher dispatcher,
            EventBusMetrics metrics,
            List<String> producers) {
        this.redis = redis;
        this.identity = identity;
        this.props = props;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.producers = List.copyOf(producers);
    }

    @Override
    public synchronized void start() {
        for (String producer : producers) {
            StreamConsumer consumer = new StreamConsumer(redis, producer, identity, props, dispatcher, metrics);
            consumers.add(consumer);
            threads.add(Thread.ofVirtual()
                    .name("lectern-consumer-" + producer + "-" + identity.group())
                    .start(consumer));
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        consumers.forEach(StreamConsumer::stop);
        // a consumer finishes the entry it is handling and its current BLOCK, then returns
        for (Thread thread : threads) {
            try {
                thread.join(props.block().plusSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumers.clear();
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
