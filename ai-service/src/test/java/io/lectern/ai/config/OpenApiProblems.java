package io.lectern.ai.config;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every operation documents its problem responses (RFC 9457) next to its success schema. Applied where
 * the OpenAPI document is generated, in the tests (picked up by the application's component scan); the
 * running service serves the committed result (docs/adr/0102).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiProblems {

    @Bean
    OpenApiCustomizer aiProblemResponses() {
        return api -> {
            Schema<?> problem = new ObjectSchema()
                    .addProperty("type", new StringSchema())
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema())
                    .addProperty("field", new StringSchema())
                    .addProperty("requestId", new StringSchema());
            if (api.getComponents() == null) {
                api.setComponents(new io.swagger.v3.oas.models.Components());
            }
            api.getComponents().addSchemas("Problem", problem);
            Content content = new Content()
                    .addMediaType(
                            "application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(op -> {
                        op.getResponses()
                                .putIfAbsent(
                                        "400",
                                        new ApiResponse()
                                                .description("Invalid input")
                                                .content(content));
                        op.getResponses()
                                .putIfAbsent(
                                        "401",
                                        new ApiResponse()
                                                .description("Token invalid or missing")
                                                .content(content));
                        op.getResponses()
                                .putIfAbsent(
                                        "403",
                                        new ApiResponse()
                                                .description("Not allowed")
                                                .content(content));
                        op.getResponses()
                                .putIfAbsent(
                                        "404",
                                        new ApiResponse()
                                                .description("Not found")
                                                .content(content));
                    }));
        };
    }
}
