package io.lectern.testsupport.openapi;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Shapes the OpenAPI document springdoc generates in a service's tests (springdoc is a test dependency
 * of every service) with the platform's conventions, from the same {@code lectern.security.public-paths}
 * the platform's security enforces. Not for the gateway (reactive): its API page only shows the services'
 * documents.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class LecternOpenApiAutoConfiguration {

    @Bean
    OpenApiConventions lecternOpenApiConventions(Environment environment) {
        List<String> publicPaths = Binder.get(environment)
                .bind("lectern.security.public-paths", Bindable.listOf(String.class))
                .orElse(List.of());
        return new OpenApiConventions(publicPaths);
    }
}
