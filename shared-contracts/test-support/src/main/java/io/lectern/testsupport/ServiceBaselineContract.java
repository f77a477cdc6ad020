package io.lectern.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.lectern.testsupport.openapi.OpenApiDocuments;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every service must do from its first day, as tests a service's own test class inherits:
 * health and readiness probes, Prometheus metrics, an OpenAPI document that is the committed one, and
 * RFC 9457 problem responses (never a stack trace) for unknown paths, missing tokens and forged identity headers.
 */
public interface ServiceBaselineContract {

    HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The port the service under test listens on. */
    int port();

    /** A path of this service that needs a signed-in user. */
    String protectedPath();

    /** An Authorization value this service accepts (identity overrides it: it trusts only its own keys). */
    default String validBearer() {
        return TestTokens.get().bearer(java.util.UUID.randomUUID());
    }

    default HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    default void livenessAndReadinessProbesAreUp() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).contains("\"UP\"");
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
    }

    @Test
    default void prometheusMetricsAreExposed() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    /**
     * Request metrics stay; Spring Security's observations (one per filter of the chain, with a counter
     * looked up per filter event) are off: they were more than half of what a signed-in read allocated
     * (docs/adr/0106).
     */
    @Test
    default void requestMetricsAreKeptWithoutSpringSecurityObservations() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{")
                .doesNotContain("spring_security_");
    }

    /**
     * Not only no-op observations: the security filter chain is not wrapped in Spring Security's
     * observation decorator at all (SecurityConfiguration's SecurityObservationSettings; with the property
     * alone the decorator still wrapped every filter and built a context per filter and request).
     */
    @Test
    default void securityFiltersAreNotWrappedInObservations(ApplicationContext context) {
        // The bean is Spring Security's composite; the FilterChainProxy it delegates to holds the decorator.
        Object filterChainProxy =
                ReflectionTestUtils.getField(context.getBean("springSecurityFilterChain"), "springSecurityFilterChain");
        Object decorator = ReflectionTestUtils.getField(filterChainProxy, "filterChainDecorator");
        assertThat(decorator).isNotNull();
        assertThat(decorator.getClass().getName())
                .isNotEqualTo("org.springframework.security.web.ObservationFilterChainDecorator");
    }

    /**
     * A keep-alive connection stays open past Tomcat's default of 100 requests: the gateway's pooled
     * connections are not re-opened every 100 requests (docs/adr/0108).
     */
    @Test
    default void aKeepAliveConnectionCarriesMoreThanAHundredRequests() throws Exception {
        byte[] request = ("GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (int i = 1; i <= 150; i++) {
                out.write(request);
                out.flush();
                String status = in.readLine();
                assertThat(status).as("answer %d", i).startsWith("HTTP/1.1 200");
                int length = -1;
                boolean chunked = false;
                boolean close = false;
                for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(lower.substring(15).trim());
                    }
                    chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
                    close |= lower.startsWith("connection:") && lower.contains("close");
                }
                assertThat(close).as("answer %d closes the connection", i).isFalse();
                assertThat(chunked || length > 0).as("answer %d has a body", i).isTrue();
                StringBuilder body = new StringBuilder();
                if (chunked) {
                    for (int size = Integer.parseInt(in.readLine().trim(), 16);
                            size > 0;
                            size = Integer.parseInt(in.readLine().trim(), 16)) {
                        char[] chunk = new char[size];
                        assertThat(in.read(chunk, 0, size)).isEqualTo(size);
                        body.append(chunk);
                        in.readLine();
                    }
                    in.readLine();
                } else {
                    char[] all = new char[length];
                    assertThat(in.read(all, 0, length)).isEqualTo(length);
                    body.append(all);
                }
                assertThat(body.toString()).as("answer %d", i).contains("UP");
            }
        }
    }

    /**
     * The service's name in {@code web/openapi/} and at the gateway's {@code /api-docs/<name>}: by default
     * its module's directory (the tests' working directory) without "-service".
     */
    default String serviceName() {
        return module().replaceFirst("-service$", "");
    }

    private static String module() {
        return Path.of(System.getProperty("user.dir")).getFileName().toString();
    }

    /**
     * The document springdoc generates from the code here (springdoc is a test dependency only) is the
     * committed {@code web/openapi/<service>.json} the running service serves, member for member. With
     * {@code -Dlectern.openapi.write=true} it is written there instead, as gen-api.mjs writes it. The
     * document is built on the first request, which can take a while on a busy machine.
     */
    @Test
    default void openApiDocumentGeneratedFromTheCodeIsTheCommittedOne() throws Exception {
        assertThat(getClass()
                        .getClassLoader()
                        .getResource("org/springdoc/core/configuration/SpringDocConfiguration.class"))
                .as(
                        "springdoc must be a test dependency of %s: without it /v3/api-docs serves the committed"
                                + " document and this comparison would prove nothing",
                        module())
                .isNotNull();
        HttpResponse<String> docs = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/v3/api-docs"))
                        .timeout(Duration.ofSeconds(90))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"").contains("\"bearer\"").contains("\"Problem\"");
        ObjectNode generated = (ObjectNode) OpenApiDocuments.JSON.readTree(docs.body());
        generated.remove("servers"); // the address it was fetched from: not part of the contract

        Path committed = OpenApiDocuments.committed(Path.of(System.getProperty("user.dir")), serviceName());
        if (Boolean.getBoolean(OpenApiDocuments.WRITE_PROPERTY)) {
            Files.writeString(committed, OpenApiDocuments.format(generated));
            System.out.println("wrote " + committed.normalize());
            return;
        }
        String file = "web/openapi/" + serviceName() + ".json";
        assertThat(committed)
                .as("%s: the committed document %s", serviceName(), file)
                .exists();
        JsonNode expected = OpenApiDocuments.JSON.readTree(Files.readString(committed));
        String difference = OpenApiDocuments.firstDifference(expected, generated);
        if (difference != null) {
            fail(serviceName() + ": the OpenAPI document generated from the code differs from the committed " + file
                    + " at " + (difference.isEmpty() ? "the root" : difference)
                    + "\n  committed: " + OpenApiDocuments.describe(expected, difference)
                    + "\n  generated: " + OpenApiDocuments.describe(generated, difference)
                    + "\nIf the change is intended, regenerate the document and the web client and commit both:"
                    + "\n  " + OpenApiDocuments.regenerateCommand(module())
                    + "\n  cd web && npm run gen:api");
        }
    }

    /**
     * The jar packages the committed document where the platform serves it from at run time
     * ({@code META-INF/lectern/openapi/}, exactly one: the service pom's resource entry).
     */
    @Test
    default void jarPackagesTheCommittedOpenApiDocument() throws Exception {
        // after a write above, the copy in target/classes is the previous one until the next build
        assumeFalse(Boolean.getBoolean(OpenApiDocuments.WRITE_PROPERTY));
        Resource[] packaged =
                new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/lectern/openapi/*.json");
        assertThat(packaged)
                .as("documents packaged under META-INF/lectern/openapi/")
                .hasSize(1);
        assertThat(packaged[0].getFilename()).isEqualTo(serviceName() + ".json");
        Path committed = OpenApiDocuments.committed(Path.of(System.getProperty("user.dir")), serviceName());
        assertThat(packaged[0].getContentAsByteArray())
                .as("packaged %s is the committed one", packaged[0].getFilename())
                .isEqualTo(Files.readAllBytes(committed));
    }

    /**
     * Once the service has started, its schema holds every migration the jar packages, its own and the
     * event bus's, as the platform's start-up check reads them: the next start (a restart, a second
     * instance) does not load Flyway (ADR 0005, item 9). Fails when the check's versions or checksums
     * drift from Flyway's for any real migration file. The check lives in the platform, which depends on
     * this module's tests, hence the reflective call.
     */
    @Test
    default void theNextStartSeesEveryMigrationApplied(ApplicationContext context) throws Exception {
        ConfigurableEnvironment env = (ConfigurableEnvironment) context.getEnvironment();
        StandardEnvironment next = new StandardEnvironment();
        List.copyOf(next.getPropertySources().stream()
                        .map(PropertySource::getName)
                        .toList())
                .forEach(next.getPropertySources()::remove);
        // the context's own settings, without the switches this start may have added
        env.getPropertySources().stream()
                .filter(source -> !source.getName().equals("lecternAppliedMigrations"))
                .forEach(next.getPropertySources()::addLast);
        @SuppressWarnings("unchecked")
        Map<String, Object> switches =
                (Map<String, Object>) Class.forName("io.lectern.platform.migration.SkipAppliedMigrations")
                        .getMethod("decide", ConfigurableEnvironment.class, ClassLoader.class)
                        .invoke(null, next, getClass().getClassLoader());
        assertThat(switches).containsEntry("spring.flyway.enabled", "false");
        boolean hasEventBus =
                new PathMatchingResourcePatternResolver().getResources("classpath*:db/event-bus/*.sql").length > 0;
        if (hasEventBus) {
            assertThat(switches).containsEntry("lectern.events.schema-applied", "true");
        }
    }

    /** With a valid token, so the answer is the service's own 404 and not the token check's 401. */
    @Test
    default void unknownPathIsA404ProblemWithTypeAndNoStackTrace() throws Exception {
        HttpResponse<String> response = get("/api/v1/does-not-exist-anywhere", "Authorization", validBearer());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":")
                .contains("\"status\":404")
                .doesNotContain("Exception")
                .doesNotContain("at io.lectern");
    }

    @Test
    default void protectedPathWithoutTokenIs401Problem() throws Exception {
        HttpResponse<String> response = get(protectedPath());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401");
    }

    /** Past the token check a reader may still be refused (403) or find nothing (404), never fail. */
    @Test
    default void validTokenPassesAuthentication() throws Exception {
        HttpResponse<String> response = get(protectedPath(), "Authorization", validBearer());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 403, 404);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} token is refused")
    @org.junit.jupiter.params.provider.EnumSource(TestTokens.Forgery.class)
    default void forgedTokensAreRefusedByTheServiceItself(TestTokens.Forgery forgery) throws Exception {
        HttpResponse<String> response =
                get(protectedPath(), "Authorization", TestTokens.get().forged(forgery, java.util.UUID.randomUUID()));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    @Test
    default void forgedIdentityHeadersGainNothing() throws Exception {
        HttpResponse<String> response =
                get(protectedPath(), "X-User-Id", "1", "X-User-Roles", "admin", "X-Forwarded-User", "admin");
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    default void responsesCarryRequestIdAndSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/actuator/health/liveness", "X-Request-Id", "abc12345-req");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("abc12345-req");
        HttpResponse<String> denied = get(protectedPath());
        assertThat(denied.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(denied.headers().firstValue("X-Request-Id")).isPresent();
    }
}
