package io.lectern.eventbus;

import com.zaxxer.hikari.HikariDataSource;
import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The bus's parts wired by hand, without Spring, for tests that need several relays or consumers (or a
 * separate JVM). Uses the {@code learning} schema and role, so it never meets the Spring tests' schema,
 * and a stream namespace of its own per fixture.
 */
final class BusFixture implements AutoCloseable {

    static final String SCHEMA = "learning";

    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate tx;
    final RedisClient redis;
    final String namespace;
    final EventBusMetrics metrics = new EventBusMetrics(new SimpleMeterRegistry());
    private final List<OutboxRelay> relays = new CopyOnWriteArrayList<>();

    BusFixture(String jdbcUrl, String redisHost, int redisPort, String namespace) {
        this.dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername("lectern_" + SCHEMA);
        dataSource.setMaximumPoolSize(10);
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // the client a service gets, from the same properties
        this.redis = new RedisClientAutoConfiguration()
                .lecternRedisClient(new MockEnvironment()
                        .withProperty("spring.data.redis.host", redisHost)
                        .withProperty("spring.data.redis.port", Integer.toString(redisPort))
                        .withProperty("spring.data.redis.timeout", "3s"));
        this.namespace = namespace;
    }

    /** A fixture on the test run's PostgreSQL and Redis with the bus's and the test's tables in place. */
    static BusFixture create() {
        TestInfrastructure infra = TestInfrastructure.get();
        return create(infra.redisHost(), infra.redisPort());
    }

    static BusFixture create(String redisHost, int redisPort) {
        TestInfrastructure infra = TestInfrastructure.get();
        BusFixture fixture = new BusFixture(
                infra.jdbcUrl(),
                redisHost,
                redisPort,
                infra.namespace() + "-" + UUID.randomUUID().toString().substring(0, 8));
        fixture.migrate();
        return fixture;
    }

    private void migrate() {
        synchronized (BusFixture.class) {
            EventBusSchema.migrate(dataSource, SCHEMA);
            jdbc.sql("""
                    CREATE TABLE IF NOT EXISTS learning.applied (
                        applied_seq  bigint GENERATED ALWAYS AS IDENTITY,
                        event_id     uuid        NOT NULL,
                        consumer     text        NOT NULL,
                        aggregate_id text        NOT NULL,
                        version      bigint      NOT NULL
                    )""").update();
        }
    }

    BusIdentity identity(String group, String instance) {
        return new BusIdentity(namespace, SCHEMA, group, instance);
    }

    static EventBusProperties props(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of(
                "lectern.events.relay.poll-interval", "200ms",
                "lectern.events.relay.lease", "2s",
                "lectern.events.relay.retry-backoff", "100ms",
                "lectern.events.relay.max-retry-backoff", "1s",
                "lectern.events.consumer.block", "200ms",
                "lectern.events.consumer.retry-backoff", "50ms",
                "lectern.events.consumer.idle-timeout", "3s",
                "lectern.events.consumer.claim-interval", "500ms"));
        all.putAll(overrides);
        return EventBusProperties.bind(all);
    }

    OutboxRelay relay(String instance, EventBusProperties props) {
        OutboxRelay relay = new OutboxRelay(dataSource, redis, identity("relay", instance), props.relay(), metrics);
        relays.add(relay);
        return relay;
    }

    /**
     * A publisher that wakes every relay this fixture made after each commit, as if they all ran in its
     * JVM (in a service, a publisher wakes its own JVM's relay; the others find the rows by polling).
     */
    EventPublisher publisher() {
        return publisher(() -> relays.forEach(OutboxRelay::wake));
    }

    EventPublisher publisher(Runnable wakeRelay) {
        return new OutboxEventPublisher(
                jdbc, EventJson.mapper(), identity("publisher", "p"), Clock.systemUTC(), wakeRelay);
    }

    /** Subscriptions recording every PostDeleted into learning.applied under the group's name. */
    static EventSubscriptions recording(JdbcClient jdbc, String group) {
        return EventSubscriptions.builder()
                .on(PostDeleted.class, (event, envelope) -> record(jdbc, group, envelope, event.version()))
                .build();
    }

    static void record(JdbcClient jdbc, String group, EventEnvelope envelope, long version) {
        jdbc.sql("INSERT INTO learning.applied (event_id, consumer, aggregate_id, version) VALUES (?, ?, ?, ?)")
                .params(envelope.eventId(), group, envelope.aggregateId(), version)
                .update();
    }

    StreamConsumer consumer(String group, String instance, EventBusProperties props, EventSubscriptions subs) {
        BusIdentity identity = identity(group, instance);
        InboxDispatcher dispatcher = new InboxDispatcher(subs, tx, jdbc, EventJson.mapper(), identity, metrics);
        return new StreamConsumer(redis, SCHEMA, identity, props.consumer(), dispatcher, metrics);
    }

    // The outbox is shared by every test of the run (one schema), and a relay publishes every row it finds
    // there, also rows another test left unpublished: a test looks only at its own run's aggregates.

    /** This fixture's stream (the {@code learning} producer's). */
    String streamKey() {
        return namespace + ":events:" + SCHEMA;
    }

    /** The entries on this fixture's stream whose aggregate id starts with {@code aggregatePrefix}, in order. */
    List<Map<String, String>> streamed(String aggregatePrefix) {
        return redis.xrange(streamKey(), "-", "+").stream()
                .map(StreamEntry::getFields)
                .filter(fields -> fields.get(StreamEntries.AGGREGATE_ID).startsWith(aggregatePrefix))
                .toList();
    }

    /** Entries delivered to {@code group} and not yet acknowledged. */
    long pending(String group) {
        return redis.xpending(streamKey(), group).getTotal();
    }

    /** Events the group applied (copies included) whose aggregate id starts with {@code aggregatePrefix}. */
    long applied(String group, String aggregatePrefix) {
        return jdbc.sql("SELECT count(*) FROM learning.applied WHERE consumer = ? AND aggregate_id LIKE ?")
                .params(group, aggregatePrefix + "%")
                .query(Long.class)
                .single();
    }

    /** Distinct events the group applied whose aggregate id starts with {@code aggregatePrefix}. */
    long distinctApplied(String group, String aggregatePrefix) {
        return jdbc.sql(
                        "SELECT count(DISTINCT event_id) FROM learning.applied WHERE consumer = ? AND aggregate_id LIKE ?")
                .params(group, aggregatePrefix + "%")
                .query(Long.class)
                .single();
    }

    @Override
    public void close() {
        // a test that failed half-way must not leave a relay taking the next test's rows
        relays.forEach(OutboxRelay::stop);
        redis.close();
        dataSource.close();
    }
}
