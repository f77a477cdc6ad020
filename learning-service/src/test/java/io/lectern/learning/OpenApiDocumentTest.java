package io.lectern.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class OpenApiDocumentTest extends LearningIntegrationTest {

    @Autowired
    ObjectMapper json;

    @Test
    void everyEndpointHasASuccessResponseWithASchemaAndProblemResponsesForErrors() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                        .GET()
                        .build());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(response.body()).get("paths");

        List<String> operations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            // the event bus's own admin endpoints are documented by the bus library
            if (!path.getKey().startsWith("/api/v1/") || path.getKey().startsWith("/api/v1/admin/events")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonNode responses = op.getValue().get("responses");
                JsonNode success = responses.has("200") ? responses.get("200") : responses.get("201");
                if (success == null) {
                    if (!responses.has("204")) {
                        problems.add(name + ": no 2xx response");
                    }
                } else if (success.at("/content").isMissingNode()
                        || !success.at("/content")
                                .properties()
                                .iterator()
                                .next()
                                .getValue()
                                .has("schema")) {
                    problems.add(name + ": success response without a schema");
                }
                for (String status : List.of("400", "401")) {
                    if (!responses.has(status)
                            || !responses
                                    .get(status)
                                    .at("/content/application~1problem+json/schema/$ref")
                                    .asString()
                                    .endsWith("/Problem")) {
                        problems.add(name + ": no problem response " + status);
                    }
                }
            }
        }
        assertThat(operations)
                .contains(
                        "PUT /api/v1/progress/posts/{postId}",
                        "GET /api/v1/progress/export",
                        "GET /api/v1/bookmarks",
                        "GET /api/v1/bookmarks/status",
                        "POST /api/v1/notes",
                        "GET /api/v1/notes/export",
                        "GET /api/v1/gamification/leaderboards/{board}/me",
                        "GET /api/v1/gamification/leaderboards/opt-out",
                        "GET /api/v1/gamification/badges",
                        "GET /api/v1/gamification/streak",
                        "GET /api/v1/gamification/xp");
        assertThat(problems).isEmpty();
    }
}
