package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** What every response carries and what malformed or oversized requests get. */
class EdgeTest extends GatewayTestSupport {

    @Test
    void proxiedAndRefusedResponsesCarrySecurityHeaders() throws Exception {
        for (HttpResponse<String> response :
                java.util.List.of(get("/api/v1/posts/x"), get("/api/v1/progress"), get("/actuator/health"))) {
            var headers = response.headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp ->
                            assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
            assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void hstsOnlyWhenATrustedProxySaysTheClientUsedTls() throws Exception {
        assertThat(get("/api/v1/posts/x", "X-Forwarded-Proto", "https")
                        .headers()
                        .firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
    }

    @Test
    void requestIdIsAcceptedWhenWellFormedAndReplacedOtherwise() throws Exception {
        HttpResponse<String> kept = get("/api/v1/posts/rid", "X-Request-Id", "client-req-0001");
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("client-req-0001");
        assertThat(SERVICES.get("content").last("/api/v1/posts/rid").headers().getFirst("X-Request-Id"))
                .isEqualTo("client-req-0001");

        HttpResponse<String> replaced = get("/api/v1/posts/rid2", "X-Request-Id", "bad id <script>");
        String generated = replaced.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(SERVICES.get("content").last("/api/v1/posts/rid2").headers().getFirst("X-Request-Id"))
                .isEqualTo(generated);
    }

    @Test
    void oversizedBodyIs413Problem() throws Exception {
        String big = "x".repeat(70 * 1024);
        HttpResponse<String> response = send("POST", "/api/v1/comments", big, "Authorization", KEYS.bearer("big"));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    @Test
    void oversizedChunkedBodyIs413Problem() throws Exception {
        byte[] big = new byte[70 * 1024];
        HttpResponse<String> response = http.send(
                request("/api/v1/comments", "Authorization", KEYS.bearer("chunky"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void dotSegmentsAndEncodedSlashesAreRefused() throws Exception {
        for (String raw : new String[] {
            "/api/v1/posts/../admin/users",
            "/api/v1/posts/%2e%2e/admin/users",
            "/api/v1//admin/users",
            "/api/v1/posts/a%2Fb"
        }) {
            assertThat(rawStatus(raw)).as(raw).isEqualTo(400);
        }
    }

    @Test
    void overlongUriIs414ProblemAndNothingReachesTheService() throws Exception {
        HttpResponse<String> response = get("/api/v1/posts?q=" + "a".repeat(9 * 1024));
        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":414").contains("at most 8192");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(get("/api/v1/posts?q=" + "a".repeat(7 * 1024)).statusCode()).isEqualTo(200);
    }

    @Test
    void oversizedHeadersAre431Problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/posts/hdr", "X-Padding", "p".repeat(17 * 1024));
        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":431").contains("at most 16384");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SERVICES.get("content").last("/api/v1/posts/hdr"))
                .as("the service never saw the request")
                .isInstanceOf(AssertionError.class);
    }

    /** java.net.http normalises paths, so dot segments go over a plain socket. */
    private int rawStatus(String rawPath) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void unknownPathIsA404ProblemWithoutStackTrace() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here", "Authorization", KEYS.bearer("lost"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void largeJsonIsGzippedWhenTheClientAsks() throws Exception {
        HttpResponse<byte[]> response = http.send(
                request("/api/v1/posts/large", "Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String json = new String(
                new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"service\":\"content\"");
    }

    @Test
    void corsPreflightFromTheFrontEndIsAnswered() throws Exception {
        HttpResponse<String> response = http.send(
                request(
                                "/api/v1/progress",
                                "Origin",
                                "http://localhost:3000",
                                "Access-Control-Request-Method",
                                "POST",
                                "Access-Control-Request-Headers",
                                "authorization,content-type")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");

        HttpResponse<String> stranger = http.send(
                request("/api/v1/progress", "Origin", "https://evil.example", "Access-Control-Request-Method", "POST")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isEqualTo(403);
    }

    @Test
    void metricsAreServedToOperatorsOnly() throws Exception {
        get("/api/v1/posts/metrics-probe");
        HttpResponse<String> local = get("/actuator/prometheus", "X-Forwarded-For", "127.0.0.1");
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body())
                .contains("spring_cloud_gateway_requests_seconds_bucket")
                .contains("lectern_gateway_ratelimit_degraded")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"rate-limit-redis\"")
                // the route's own breaker, created by the request above through the content route
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"content\"");
        assertThat(get("/actuator/prometheus", "X-Forwarded-For", "198.51.100.7")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void forwardedForFromTheClientIsReplacedByTheAddressTheGatewayTrusts() throws Exception {
        get("/api/v1/posts/xff", "X-Forwarded-For", "198.51.100.23");
        assertThat(SERVICES.get("content").last("/api/v1/posts/xff").headers().getFirst("X-Forwarded-For"))
                .isEqualTo("198.51.100.23");
    }
}
