package io.lectern.eventbus;

import java.util.Map;

/**
 * A consumer alone in its own JVM, for the kill -9 test: args are jdbc url, redis host, redis port,
 * namespace, group, instance id. Runs until killed.
 */
public final class ChaosConsumerMain {

    private ChaosConsumerMain() {}

    public static void main(String[] args) {
        BusFixture fixture = new BusFixture(args[0], args[1], Integer.parseInt(args[2]), args[3]);
        String group = args[4];
        String instance = args[5];
        EventBusProperties props = BusFixture.props(Map.of(
                "lectern.events.consumer.idle-timeout", "2s",
                "lectern.events.consumer.claim-interval", "500ms",
                "lectern.events.consumer.concurrency", "4"));
        StreamConsumer consumer = fixture.consumer(group, instance, props, BusFixture.recording(fixture.jdbc, group));
        System.out.println("consumer " + instance + " started");
        consumer.run();
    }
}
