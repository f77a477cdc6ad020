package io.lectern.notify;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.eventbus.EventJson;
import io.lectern.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

/**
 * One Spring context for all of notify's integration tests (real PostgreSQL, Redis and GreenMail),
 * with the sender and batchers ticking fast and the scheduled digest off (tests run it explicitly).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lectern.notify.sender.poll-interval=100ms",
            "lectern.notify.sender.backoff-base=200ms",
            "lectern.notify.sender.backoff-max=1s",
            "lectern.notify.sender.max-attempts=40",
            "lectern.notify.sender.lease=5s",
            "lectern.notify.newsletter.batch-interval=200ms",
            "lectern.notify.newsletter.batch-size=2",
            "lectern.notify.stream.heartbeat=2s",
            "lectern.notify.digest.cron=-",
            "lectern.notify.public-base-url=https://lectern.test"
        })
public abstract class NotifyIntegrationTest {

    protected static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtp::port);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TransactionTemplate tx;

    @Autowired
    protected RedisClient redis;

    @Value("${lectern.events.namespace}")
    protected String namespace;

    /**
     * Puts an event on its producer's stream exactly as another service's relay does, so it reaches
     * notify through the real consumer group, inbox and handler transaction.
     */
    protected void publishToBus(String aggregateId, Object payload) {
        publishRaw(
                EventEnvelope.typeOf(payload.getClass()),
                aggregateId,
                EventJson.mapper().writeValueAsString(payload));
    }

    protected void publishRaw(String type, String aggregateId, String payloadJson) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", UUID.randomUUID().toString());
        fields.put("type", type);
        fields.put("occurredAt", Instant.now().toString());
        fields.put("producer", type.substring(0, type.indexOf('.')));
        fields.put("aggregateId", aggregateId);
        fields.put("payload", payloadJson);
        redis.xadd(namespace + ":events:" + fields.get("producer"), StreamEntryID.NEW_ENTRY, fields);
    }

    /** Runs {@code work} in a transaction, as the event bus runs a handler together with its inbox record. */
    protected void inTx(Runnable work) {
        tx.executeWithoutResult(status -> work.run());
    }

    protected static EventEnvelope envelope(String type, String aggregateId) {
        return new EventEnvelope(UUID.randomUUID(), type, Instant.now(), "test", aggregateId, null, "{}");
    }

    protected static String uniqueAddress(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
    }

    protected HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected static String bearer(UUID userId, String... roles) {
        return TestTokens.get().bearer(userId, roles);
    }

    protected String emailStatus(UUID emailId) {
        return jdbc.sql("SELECT status FROM email_outbox WHERE id = :id")
                .param("id", emailId)
                .query(String.class)
                .single();
    }
}
