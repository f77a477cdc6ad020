package io.lectern.learning.config;

import static io.lectern.testsupport.openapi.OpenApiConventions.problem;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents the error side of every endpoint: the RFC 9457 problem schema ({@code type}, {@code field}
 * naming the offending input, ...) and which statuses each operation can answer with. Applied where the
 * OpenAPI document is generated, in the tests (picked up by the application's component scan); the
 * running service serves the committed result (docs/adr/0102).
 */
@Configuration(proxyBeanMethods = false)
class LearningOpenApi {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenApiCustomizer learningProblemResponses() {
        return api -> {
            Schema<?> problem = new ObjectSchema()
                    .description("RFC 9457 problem details")
                    .addProperty(
                            "type",
                            new StringSchema().format("uri").example("https://lectern.dev/problems/invalid-field"))
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema().format("uri"))
                    .addProperty(
                            "field", new StringSchema().description("the request field at fault, when there is one"))
                    .addProperty("requestId", new StringSchema());
            api.getComponents().addSchemas(PROBLEM, problem);
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/v1/")) {
                    return;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> op :
                        item.readOperationsMap().entrySet()) {
                    ApiResponses responses = op.getValue().getResponses();
                    problem(responses, "400", "Invalid input (the problem names the field)");
                    problem(responses, "401", "Missing, expired or invalid bearer token");
                    if (path.contains("{")) {
                        problem(responses, "404", "The post, series, note or board named in the path was not found");
                    }
                    if (path.endsWith("/rebuild")) {
                        problem(responses, "403", "Requires the ADMIN role");
                    }
                    if (path.endsWith("/title")
                            || (path.equals("/api/v1/notes") && op.getKey() == PathItem.HttpMethod.POST)) {
                        problem(
                                responses,
                                "409",
                                "Conflicts with the current state (badge not earned, note limit reached)");
                    }
                    if (path.equals("/api/v1/notes") && op.getKey() == PathItem.HttpMethod.POST) {
                        problem(responses, "404", "The post was not found");
                    }
                }
            });
        };
    }
}
