package io.lectern.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every service must do from its first day, as tests a service's own test class inherits:
 * health and readiness probes, Prometheus metrics, an OpenAPI document, and RFC 9457 problem
 * responses (never a stack trace) for unknown paths, missing tokens and forged identity headers.
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

    /** The document is built on the first request, which can take a while on a busy machine. */
    @Test
    default void openApiDocumentIsPublishedWithSecurityAndProblemAnswers() throws Exception {
        HttpResponse<String> docs = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/v3/api-docs"))
                        .timeout(Duration.ofSeconds(90))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"").contains("\"bearer\"").contains("\"Problem\"");
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
