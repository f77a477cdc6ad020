package io.lectern.learning;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.SeriesChanged;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.eventbus.EventJson;
import io.lectern.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

/**
 * One Spring context for learning's integration tests (real PostgreSQL and Redis, the real event bus),
 * with a clock tests can move and the streak keeper off (tests run it explicitly).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lectern.learning.streak.settle-interval=1h",
            "lectern.learning.leaderboard.rebuild-on-start=false",
            // build the OpenAPI document at start-up, not on the first (time-limited) request
            "springdoc.pre-loading-enabled=true",
            // 20 concurrent awards plus the bus's lanes: enough connections, and patience on a busy CI box
            "LECTERN_DB_POOL_SIZE=24",
            "spring.datasource.hikari.connection-timeout=30000"
        })
@Import(LearningTestClock.Config.class)
public abstract class LearningIntegrationTest {

    protected static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TransactionTemplate tx;

    @Autowired
    protected RedisClient redis;

    @Autowired
    protected LearningTestClock clock;

    @Value("${lectern.events.namespace}")
    protected String namespace;

    /** Puts an event on its producer's stream exactly as the producer's relay does. */
    protected UUID publishToBus(String aggregateId, Object payload) {
        String type = EventEnvelope.typeOf(payload.getClass());
        Map<String, String> fields = new LinkedHashMap<>();
        UUID eventId = UUID.randomUUID();
        fields.put("id", eventId.toString());
        fields.put("type", type);
        fields.put("occurredAt", Instant.now().toString());
        fields.put("producer", type.substring(0, type.indexOf('.')));
        fields.put("aggregateId", aggregateId);
        fields.put("payload", EventJson.mapper().writeValueAsString(payload));
        publishEntry(fields);
        return eventId;
    }

    /** Waits until learning's consumer group has applied (committed) the event. */
    protected void awaitHandled(UUID eventId) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from inbox where event_id = :id")
                                .param("id", eventId)
                                .query(Long.class)
                                .single()
                        > 0);
    }

    /** Puts the very same entry (same event id) on the stream again, as a redelivery would. */
    protected void publishEntry(Map<String, String> fields) {
        redis.xadd(namespace + ":events:" + fields.get("producer"), StreamEntryID.NEW_ENTRY, fields);
    }

    protected UUID registeredUser(String zone) {
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> jdbc.sql("""
                        insert into learner (user_id, display_name, time_zone) values (:id, :name, :zone)
                        """)
                .param("id", id)
                .param("name", "Reader " + id.toString().substring(0, 6))
                .param("zone", zone)
                .update());
        return id;
    }

    protected static UserRegistered registration(UUID id, String zone) {
        return new UserRegistered(id, id + "@example.test", "Reader", "en", zone, null, Instant.now());
    }

    protected static PostPublished post(
            UUID id, @Nullable UUID seriesId, @Nullable Integer position, int minutes, long version) {
        return new PostPublished(
                id,
                "post-" + id,
                "Post " + id.toString().substring(0, 6),
                "An excerpt",
                UUID.randomUUID(),
                "Author",
                seriesId,
                seriesId == null ? null : "series-" + seriesId,
                position,
                List.of("java"),
                "BEGINNER",
                false,
                minutes,
                "# Title\n\nSome text.\n\n## Section\n\nMore text.",
                "hash-" + version,
                Instant.parse("2026-03-01T10:00:00Z"),
                version);
    }

    protected static SeriesChanged series(UUID id, List<UUID> posts, long version) {
        return new SeriesChanged(
                id, "series-" + id, "Series " + id.toString().substring(0, 6), "", posts, false, version);
    }

    protected long count(String sql, UUID user) {
        return jdbc.sql(sql).param("user", user).query(Long.class).single();
    }

    protected HttpRequest.Builder request(String path, UUID user) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.get().bearer(user))
                .timeout(Duration.ofSeconds(10));
    }

    protected HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
