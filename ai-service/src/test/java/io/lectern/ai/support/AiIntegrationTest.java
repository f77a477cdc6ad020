package io.lectern.ai.support;

import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.content.PostPublished;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One Spring context for ai-service's integration tests: real PostgreSQL (pgvector) and Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AiIntegrationTest {

    protected static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected RedisClient redis;

    @Value("${lectern.events.namespace}")
    protected String namespace;

    /** Puts an event on content's stream exactly as content-service's relay does. */
    protected void publishToBus(String aggregateId, Object payload) {
        Map<String, String> fields = new LinkedHashMap<>();
        String type = EventEnvelope.typeOf(payload.getClass());
        fields.put("id", UUID.randomUUID().toString());
        fields.put("type", type);
        fields.put("occurredAt", Instant.now().toString());
        fields.put("producer", type.substring(0, type.indexOf('.')));
        fields.put("aggregateId", aggregateId);
        fields.put("payload", EventJson.mapper().writeValueAsString(payload));
        redis.xadd(namespace + ":events:" + fields.get("producer"), StreamEntryID.NEW_ENTRY, fields);
    }

    protected static PostPublished post(
            UUID id,
            String slug,
            String title,
            String markdown,
            boolean premium,
            @Nullable String series,
            List<String> tags) {
        return new PostPublished(
                id,
                slug,
                title,
                title + " excerpt",
                UUID.fromString("00000000-0000-0000-0000-0000000000a1"),
                "Author",
                series == null ? null : UUID.nameUUIDFromBytes(series.getBytes()),
                series,
                series == null ? null : 1,
                tags,
                "beginner",
                premium,
                5,
                markdown,
                Integer.toHexString(markdown.hashCode()),
                Instant.parse("2026-01-01T00:00:00Z"),
                1);
    }

    /** Publishes a post through the bus and waits until its chunks are in the index. */
    protected void publishAndAwait(PostPublished p) {
        publishToBus(p.postId().toString(), p);
        await().atMost(Duration.ofSeconds(30)).until(() -> chunkCount(p.postId()) > 0);
    }

    protected int chunkCount(UUID postId) {
        return jdbc.sql("SELECT count(*) FROM chunk WHERE post_id = :id")
                .param("id", postId)
                .query(Integer.class)
                .single();
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
    }

    protected HttpResponse<String> get(String path, @Nullable String bearer) throws Exception {
        HttpRequest.Builder b = request(path).GET();
        if (bearer != null) {
            b.header("Authorization", bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String path, @Nullable String bearer, Object body) throws Exception {
        HttpRequest.Builder b = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (bearer != null) {
            b.header("Authorization", bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One server-sent event as a client sees it. */
    public record Sse(String event, JsonNode data) {}

    /** Asks over SSE and parses the stream as a client does (event/data lines, blank-line separated). */
    protected List<Sse> ask(@Nullable String bearer, Object body) throws Exception {
        HttpRequest.Builder b = request("/api/v1/ai/ask")
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (bearer != null) {
            b.header("Authorization", bearer);
        }
        HttpResponse<java.util.stream.Stream<String>> response =
                HTTP.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new AssertionError("ask answered " + response.statusCode() + ": "
                    + String.join("\n", response.body().toList()));
        }
        List<Sse> events = new java.util.ArrayList<>();
        String event = "message";
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) response.body()::iterator) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new Sse(event, JSON.readTree(data.toString())));
                }
                event = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        if (!data.isEmpty()) {
            events.add(new Sse(event, JSON.readTree(data.toString())));
        }
        return events;
    }

    protected static String answerText(List<Sse> events) {
        StringBuilder sb = new StringBuilder();
        events.stream()
                .filter(e -> e.event().equals("piece"))
                .forEach(e -> sb.append(e.data().path("text").asString()));
        return sb.toString();
    }

    protected static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    protected static String bearer(UUID userId, String... roles) {
        return TestTokens.get().bearer(userId, roles);
    }

    protected static String premiumBearer(UUID userId) {
        return "Bearer " + TestTokens.get().premiumToken(userId);
    }
}
