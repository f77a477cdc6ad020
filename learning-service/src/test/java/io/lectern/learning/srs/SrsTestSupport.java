package io.lectern.learning.srs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.lectern.eventbus.EventJson;
import io.lectern.learning.LearningIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * HTTP helpers for the spaced-repetition API tests, and the stand-in for ai-service (WireMock on a
 * port of its own, answering only what a test stubs; stopped, it is the "ai-service absent" case).
 */
abstract class SrsTestSupport extends LearningIntegrationTest {

    static final WireMockServer AI = startAi();

    private static WireMockServer startAi() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void aiService(DynamicPropertyRegistry registry) {
        registry.add("lectern.learning.ai.base-url", () -> "http://127.0.0.1:" + AI.port());
        registry.add("lectern.learning.ai.timeout", () -> "20s"); // a loaded CI box
        registry.add("lectern.learning.srs.inbox.public-base-url", () -> "https://lectern.test");
        registry.add("lectern.learning.srs.inbox.cron", () -> "-");
    }

    static JsonNode json(String body) {
        return EventJson.mapper().readTree(body);
    }

    static String body(Object value) {
        return EventJson.mapper().writeValueAsString(value);
    }

    /** As the base class's, with a timeout that survives a heavily loaded build machine. */
    @Override
    protected HttpRequest.Builder request(String path, UUID user) {
        return super.request(path, user).timeout(java.time.Duration.ofSeconds(60));
    }

    HttpResponse<String> post(String path, UUID user, Object payload) throws Exception {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(payload)))
                .build());
    }

    HttpResponse<String> put(String path, UUID user, Object payload) throws Exception {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body(payload)))
                .build());
    }

    HttpResponse<String> get(String path, UUID user) throws Exception {
        return send(request(path, user).GET().build());
    }

    /** Creates one basic card and returns it. */
    JsonNode basicCard(UUID user, String front) throws Exception {
        HttpResponse<String> r =
                post("/api/v1/srs/cards", user, Map.of("kind", "BASIC", "front", front, "back", "answer"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r.body()).get(0);
    }

    HttpResponse<String> review(UUID user, UUID card, int rating, long version) throws Exception {
        return post(
                "/api/v1/srs/cards/" + card + "/reviews",
                user,
                Map.of("rating", rating, "durationMs", 4200, "version", version));
    }
}
