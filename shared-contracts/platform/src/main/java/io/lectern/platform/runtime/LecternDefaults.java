package io.lectern.platform.runtime;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runtime defaults shared by every service, added with the lowest precedence so a service's own
 * application.properties or the environment can override any of them. Keeping them here (rather than in
 * seven configuration files) is the "shared defaults once" rule.
 */
public final class LecternDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "lecternDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> d = new HashMap<>();
        d.put("spring.threads.virtual.enabled", "true");
        d.put("spring.main.banner-mode", "off");
        d.put("server.shutdown", "graceful");
        // Behind the gateway the socket peer is the gateway: take the client address from the
        // X-Forwarded-For it sets (Tomcat's RemoteIpValve trusts only internal proxy addresses).
        d.put("server.forward-headers-strategy", "native");
        d.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        d.put("server.error.include-stacktrace", "never");
        d.put("server.error.include-message", "never");
        d.put("server.error.include-binding-errors", "never");
        d.put("server.error.whitelabel.enabled", "false");
        // Off on purpose: Boot's own handler would answer MVC exceptions before ProblemDetailsAdvice
        // (which extends the same base class) and drop its field errors and request id.
        d.put("spring.mvc.problemdetails.enabled", "false");
        d.put("server.tomcat.threads.max", "50");
        // Tomcat closes a keep-alive connection after 100 requests by default: behind the gateway that
        // is a reconnect every 100 requests, and each connection's objects lived long enough to be
        // promoted, filling the 64 MB heap's old generation (a full collection every 10-60 s under load).
        // The gateway's pool ends its connections after a minute instead (ADR 0108).
        d.put("server.tomcat.max-keep-alive-requests", "-1");
        d.put("server.tomcat.max-swallow-size", "2MB");
        d.put("spring.servlet.multipart.max-file-size", "10MB");
        d.put("spring.servlet.multipart.max-request-size", "11MB");
        d.put("spring.jmx.enabled", "false");
        // Jackson 2 is on the class path only for Flyway (ADR 0102); without this the actuator builds a
        // Jackson 2 ObjectMapper of its own for its endpoints (~300 classes) next to the Jackson 3 one.
        d.put("management.endpoints.jackson2.isolated-object-mapper", "false");
        // Database: one database, one schema and one role per service.
        d.put(
                "spring.datasource.url",
                "jdbc:postgresql://${LECTERN_DB_HOST:127.0.0.1}:${LECTERN_DB_PORT:5432}/${LECTERN_DB_NAME:lectern}");
        d.put("spring.datasource.username", "lectern_${lectern.service.schema}");
        d.put("spring.datasource.password", "${LECTERN_DB_PASSWORD:}");
        d.put("spring.datasource.hikari.maximum-pool-size", "${LECTERN_DB_POOL_SIZE:8}");
        d.put("spring.datasource.hikari.minimum-idle", "1");
        // Unqualified table names resolve in the service's own schema.
        d.put("spring.datasource.hikari.schema", "${lectern.service.schema}");
        d.put("spring.datasource.hikari.connection-timeout", "3000");
        d.put("spring.datasource.hikari.data-source-properties.ApplicationName", "${spring.application.name}");
        d.put("spring.flyway.schemas", "${lectern.service.schema}");
        d.put("spring.flyway.default-schema", "${lectern.service.schema}");
        d.put("spring.flyway.create-schemas", "false");
        d.put("spring.flyway.locations", "classpath:db/migration");
        // Redis through Jedis (the only Redis client in a service).
        d.put("spring.data.redis.host", "${LECTERN_REDIS_HOST:127.0.0.1}");
        d.put("spring.data.redis.port", "${LECTERN_REDIS_PORT:6379}");
        d.put("spring.data.redis.timeout", "2s");
        d.put("spring.data.redis.connect-timeout", "2s");
        // Actuator: probes for compose/Kubernetes, Prometheus for dashboards.
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.endpoint.health.show-details", "never");
        d.put("management.endpoint.health.group.readiness.include", "readinessState,db");
        d.put("management.health.redis.enabled", "false");
        d.put("management.info.build.enabled", "true");
        d.put("management.metrics.tags.application", "${spring.application.name}");
        d.put("management.observations.annotations.enabled", "false");
        // Spring Security observes its filter chain, every filter in it, authentication and authorization,
        // and the meter handler looks a counter up for each filter's events: 54 % of what content-service
        // allocated per signed-in read (JFR, docs/adr/0106). Nothing reads those metrics; the request
        // metrics (http_server_requests) stay.
        d.put("management.observations.enable.spring.security", "false");
        // Logs to stdout, each line with the request id of the request that wrote it.
        d.put("logging.pattern.correlation", "[%X{requestId:-}] ");
        d.put("logging.include-application-name", "false");
        // springdoc runs only in the services' tests, where it generates the OpenAPI document (docs/adr/0102)
        d.put("springdoc.api-docs.path", "/v3/api-docs");
        d.put("springdoc.swagger-ui.enabled", "false");
        d.put("lectern.security.issuer", "${LECTERN_JWT_ISSUER:http://localhost:8080}");
        d.put("lectern.security.audience", "${LECTERN_JWT_AUDIENCE:lectern}");
        d.put("lectern.security.jwk-set-uri", "${LECTERN_JWKS_URI:http://127.0.0.1:8081/.well-known/jwks.json}");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, d));
    }
}
