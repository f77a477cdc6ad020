package io.lectern.learning.srs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.eventbus.EventJson;
import io.lectern.learning.LearningIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** HTTP helpers for the spaced-repetition API tests. */
abstract class SrsTestSupport extends LearningIntegrationTest {

    static JsonNode json(String body) {
        return EventJson.mapper().readTree(body);
    }

    static String body(Object value) {
        return EventJson.mapper().writeValueAsString(value);
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
