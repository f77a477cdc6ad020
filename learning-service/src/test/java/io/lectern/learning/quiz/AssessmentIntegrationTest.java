package io.lectern.learning.quiz;

import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.SeriesChanged;
import io.lectern.learning.LearningIntegrationTest;
import io.lectern.testsupport.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the quiz, challenge, interview and certificate integration tests: ai-service replaced by
 * {@link AiStandIn} (switchable off), a short circuit-breaker pause so switching it back on is seen at
 * once, and a fixed server port so the certificates' public URLs point at this very server.
 */
public abstract class AssessmentIntegrationTest extends LearningIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final int SERVER_PORT = AiStandIn.freePort();

    protected static final String POST_MARKDOWN = """
            # Vacuum in PostgreSQL

            PostgreSQL never overwrites a row in place. An update writes a new row version and marks the old
            version as dead. Dead row versions stay in the table until vacuum removes them.

            ## Why vacuum matters

            Without vacuum, tables grow with dead versions and queries slow down. Autovacuum runs vacuum in the
            background when enough rows changed. Vacuum also freezes old transaction ids.
            """;

    @DynamicPropertySource
    static void assessmentProperties(DynamicPropertyRegistry registry) {
        registry.add("lectern.learning.ai.base-url", () -> AiStandIn.get().baseUrl());
        registry.add("lectern.learning.ai.open-for", () -> "200ms");
        registry.add("server.port", () -> SERVER_PORT);
        registry.add("lectern.learning.certificates.public-base-url", () -> "http://127.0.0.1:" + SERVER_PORT);
    }

    @AfterEach
    void aiBackOnAndClockReset() {
        AiStandIn.get().start();
        clock.reset();
    }

    protected AiStandIn ai() {
        return AiStandIn.get();
    }

    /** Publishes a post with {@link #POST_MARKDOWN} through the bus and waits until learning has it. */
    protected UUID publishedPost(@Nullable UUID seriesId, int position) {
        UUID id = UUID.randomUUID();
        awaitHandled(publishToBus(
                id.toString(),
                new PostPublished(
                        id,
                        "vacuum-" + id,
                        "Vacuum " + id.toString().substring(0, 4),
                        "About vacuum",
                        UUID.randomUUID(),
                        "Author",
                        seriesId,
                        seriesId == null ? null : "series-" + seriesId,
                        seriesId == null ? null : position,
                        List.of("postgres"),
                        "BEGINNER",
                        false,
                        4,
                        POST_MARKDOWN,
                        "hash-" + id,
                        Instant.parse("2026-03-01T10:00:00Z"),
                        1)));
        return id;
    }

    protected UUID publishedSeries(List<UUID> postIds, UUID seriesId) {
        awaitHandled(publishToBus(
                seriesId.toString(),
                new SeriesChanged(seriesId, "series-" + seriesId, "Postgres internals", "", postIds, false, 1)));
        return seriesId;
    }

    protected HttpResponse<String> postJson(String path, UUID user, String body, String... roles) throws Exception {
        return send(authorised(path, user, roles)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    protected HttpResponse<String> putJson(String path, UUID user, String body, String... roles) throws Exception {
        return send(authorised(path, user, roles)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    protected HttpResponse<String> get(String path, UUID user, String... roles) throws Exception {
        return send(authorised(path, user, roles).GET().build());
    }

    protected HttpRequest.Builder authorised(String path, UUID user, String... roles) {
        return HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.get().token(user, roles))
                .timeout(java.time.Duration.ofSeconds(15));
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected long rows(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }
}
