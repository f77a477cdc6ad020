package io.lectern.notify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.notify.NotifyIntegrationTest;
import io.lectern.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.params.ClientKillParams;

/**
 * Nudges between notify instances: two {@link NotificationSignals} on one channel stand for two
 * instances. Each test has a channel of its own, so the context's stream registry hears none of it.
 */
class NotificationSignalsTest extends NotifyIntegrationTest {

    private static final Duration SERVICE_BLOCKING_TIMEOUT = Duration.ofSeconds(60);

    private String ownNamespace() {
        return namespace + ":signals-" + UUID.randomUUID();
    }

    @Test
    void aNudgePublishedByOneInstanceReachesAListenerOfAnotherUntilThatListenerIsRemoved() throws Exception {
        String ns = ownNamespace();
        NotificationSignals sender = signals(redis, ns);
        NotificationSignals receiver = signals(redis, ns);
        try {
            BlockingQueue<UUID> removed = new LinkedBlockingQueue<>();
            BlockingQueue<UUID> kept = new LinkedBlockingQueue<>();
            int removedId = receiver.subscribe(removed::add);
            receiver.subscribe(kept::add);

            UUID first = UUID.randomUUID();
            sender.publish(first);
            assertThat(removed.poll(5, TimeUnit.SECONDS)).isEqualTo(first);
            assertThat(kept.poll(5, TimeUnit.SECONDS)).isEqualTo(first);

            receiver.unsubscribe(removedId);
            UUID second = UUID.randomUUID();
            UUID last = UUID.randomUUID();
            sender.publish(second);
            sender.publish(last);
            // nudges are handed out in order on one thread: once the kept listener has the last, the
            // removed one would have had the second already
            assertThat(kept.poll(5, TimeUnit.SECONDS)).isEqualTo(second);
            assertThat(kept.poll(5, TimeUnit.SECONDS)).isEqualTo(last);
            assertThat(removed).isEmpty();
        } finally {
            receiver.close();
        }
    }

    @Test
    void aMalformedNudgeIsSkippedAndTheNextOneStillArrives() throws Exception {
        String ns = ownNamespace();
        NotificationSignals sender = signals(redis, ns);
        NotificationSignals receiver = signals(redis, ns);
        try {
            BlockingQueue<UUID> heard = new LinkedBlockingQueue<>();
            receiver.subscribe(heard::add);

            redis.publish(ns + ":notify:new-notification", "not-a-user-id");
            UUID user = UUID.randomUUID();
            sender.publish(user);

            assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo(user);
            assertThat(heard).isEmpty();
        } finally {
            receiver.close();
        }
    }

    /**
     * The receiving instance gets a Redis client of its own whose connections carry a unique name, so
     * the test finds and kills exactly its subscription among everything else on the shared Redis.
     */
    @Test
    void aLostSubscriptionIsMadeAgainAndClosingEndsIt() {
        String clientName = "notify-signals-test-" + UUID.randomUUID();
        TestInfrastructure infra = TestInfrastructure.get();
        String ns = ownNamespace();
        try (RedisClient receiverRedis = namedClient(clientName, SERVICE_BLOCKING_TIMEOUT);
                Jedis admin = new Jedis(infra.redisHost(), infra.redisPort())) {
            NotificationSignals sender = signals(redis, ns);
            NotificationSignals receiver = signals(receiverRedis, ns);
            try {
                BlockingQueue<UUID> heard = new LinkedBlockingQueue<>();
                receiver.subscribe(heard::add);
                List<String> before = subscriptions(admin, clientName);
                assertThat(before).hasSize(1);

                admin.clientKill(ClientKillParams.clientKillParams().id(before.getFirst()));

                // nudges sent while it is away are lost (pub/sub): send until one is heard
                UUID user = UUID.randomUUID();
                await().atMost(Duration.ofSeconds(15)).until(() -> {
                    sender.publish(user);
                    return user.equals(heard.poll(200, TimeUnit.MILLISECONDS));
                });
                assertThat(subscriptions(admin, clientName)).hasSize(1).doesNotContainAnyElementsOf(before);
            } finally {
                receiver.close();
            }
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () -> assertThat(subscriptions(admin, clientName)).isEmpty());
        }
    }

    /**
     * A quiet subscription outlives the client's blocking timeout on its first connection: the PINGs it
     * sends itself are answered, so its read never times out (only a dead connection's would).
     */
    @Test
    void aQuietSubscriptionKeepsItsConnectionPastTheBlockingTimeout() throws Exception {
        String clientName = "notify-signals-test-" + UUID.randomUUID();
        TestInfrastructure infra = TestInfrastructure.get();
        String ns = ownNamespace();
        Duration blockingTimeout = Duration.ofMillis(1500);
        try (RedisClient receiverRedis = namedClient(clientName, blockingTimeout);
                Jedis admin = new Jedis(infra.redisHost(), infra.redisPort())) {
            NotificationSignals sender = signals(redis, ns);
            NotificationSignals receiver = new NotificationSignals(receiverRedis, ns, blockingTimeout);
            try {
                BlockingQueue<UUID> heard = new LinkedBlockingQueue<>();
                receiver.subscribe(heard::add);
                List<String> first = subscriptions(admin, clientName);
                assertThat(first).hasSize(1);

                // three blocking timeouts without a nudge: still the same connection, never resubscribed
                await().during(blockingTimeout.multipliedBy(3))
                        .atMost(blockingTimeout.multipliedBy(5))
                        .until(() -> subscriptions(admin, clientName).equals(first));
                UUID user = UUID.randomUUID();
                sender.publish(user);
                assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo(user);
            } finally {
                receiver.close();
            }
        }
    }

    /** As the service builds it: the client's blocking timeout is lectern.redis.blocking-timeout's default. */
    private static NotificationSignals signals(RedisClient redis, String namespace) {
        return new NotificationSignals(redis, namespace, SERVICE_BLOCKING_TIMEOUT);
    }

    /** A client of its own, named so that the test finds exactly its connections in CLIENT LIST. */
    private static RedisClient namedClient(String clientName, Duration blockingTimeout) {
        TestInfrastructure infra = TestInfrastructure.get();
        return RedisClient.builder()
                .hostAndPort(infra.redisHost(), infra.redisPort())
                .clientConfig(DefaultJedisClientConfig.builder()
                        .clientName(clientName)
                        .blockingSocketTimeoutMillis((int) blockingTimeout.toMillis())
                        .build())
                .build();
    }

    /** Ids of the connections named {@code clientName} that are subscribed to a channel. */
    private static List<String> subscriptions(Jedis admin, String clientName) {
        return admin.clientList(ClientType.PUBSUB)
                .lines()
                .map(line -> Arrays.asList(line.split(" ")))
                .filter(fields -> fields.contains("name=" + clientName) && fields.contains("sub=1"))
                .map(fields -> fields.getFirst().substring("id=".length()))
                .toList();
    }
}
