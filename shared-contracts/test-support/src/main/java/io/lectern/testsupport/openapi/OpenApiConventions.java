package io.lectern.testsupport.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes each service's OpenAPI document say what the service enforces: operations the service serves
 * anonymously ({@code lectern.security.public-paths}) carry an empty security requirement, every other
 * operation needs a bearer token, and every operation lists its RFC 9457 error answers. The gateway's
 * route table is checked against exactly this (RouteTableSystemTest). Applied where the document is
 * generated, in the services' tests (registered by {@link LecternOpenApiAutoConfiguration}); the running
 * services serve the committed result (docs/adr/0102).
 */
public final class OpenApiConventions implements OpenApiCustomizer {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    private record Rule(@Nullable String method, PathPattern pattern) {}

    private final List<Rule> publicRules;

    public OpenApiConventions(List<String> publicPaths) {
        this.publicRules = publicPaths.stream()
                .map(entry -> {
                    String[] parts = entry.trim().split("\\s+", 2);
                    return parts.length == 2
                            ? new Rule(
                                    parts[0].toUpperCase(Locale.ROOT),
                                    PathPatternParser.defaultInstance.parse(parts[1]))
                            : new Rule(null, PathPatternParser.defaultInstance.parse(parts[0]));
                })
                .toList();
    }

    boolean isPublic(String method, String pathTemplate) {
        PathContainer path = PathContainer.parsePath(pathTemplate);
        for (Rule rule : publicRules) {
            if ((rule.method() == null || rule.method().equals(method))
                    && rule.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() != null ? api.getComponents() : new Components();
        api.setComponents(components);
        components.addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT"));
        components.addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((template, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.readOperationsMap().entrySet()) {
                document(entry.getKey().name(), template, entry.getValue());
            }
        });
    }

    private void document(String method, String template, Operation operation) {
        boolean anonymous = isPublic(method, template);
        operation.setSecurity(anonymous ? List.of() : List.of(new SecurityRequirement().addList(BEARER)));
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        problem(responses, "400", "The request is invalid; the problem names the offending field.");
        if (!anonymous) {
            problem(responses, "401", "The access token is missing, invalid or expired.");
            problem(responses, "403", "The caller's roles do not allow this.");
        }
        if (template.contains("{")) {
            problem(responses, "404", "Nothing exists under this path.");
        }
    }

    /**
     * Adds a problem answer ({@code application/problem+json}, the shared {@code Problem} schema) for a
     * status the operation does not document yet; services' own customizers use it for their statuses.
     */
    public static void problem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        "application/problem+json",
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema schema = new ObjectSchema();
        schema.setRequired(List.of("type", "title", "status"));
        return schema.description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("field", new StringSchema().description("the offending field, when there is one"))
                .addProperty("requestId", new StringSchema());
    }
}
