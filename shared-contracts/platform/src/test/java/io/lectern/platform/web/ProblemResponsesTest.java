package io.lectern.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.testsupport.TestTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every kind of error a service can raise comes back as an RFC 9457 problem with the request id and
 * without internals: validation (with field errors), malformed JSON, business errors, unknown paths,
 * wrong method, wrong media type, missing role, and unexpected exceptions.
 */
@SpringBootTest(
        classes = ProblemResponsesTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lectern.service.schema=content", "spring.application.name=problem-test"})
class ProblemResponsesTest {

    /** No component scan: the platform's beans come from its auto-configuration, as in a service. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ThingController.class)
    static class App {}

    record CreateThing(@NotBlank @Size(max = 10) String name) {}

    @RestController
    static class ThingController {
        @PostMapping("/api/v1/things")
        String create(@Valid @RequestBody CreateThing thing) {
            return thing.name();
        }

        @GetMapping("/api/v1/things/missing")
        String missing() {
            throw ProblemException.notFound("Thing 'x'");
        }

        @GetMapping("/api/v1/things/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail at io.lectern.Something");
        }

        @GetMapping("/api/v1/things/search")
        String search(@org.springframework.web.bind.annotation.RequestParam String q) {
            if (q.indexOf('\0') >= 0) {
                // what PostgreSQL answers to a U+0000 in a text parameter
                throw new org.springframework.dao.DataIntegrityViolationException(
                        "insert failed",
                        new java.sql.SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
            }
            return q;
        }

        @GetMapping("/api/v1/things/admin")
        @PreAuthorize("hasRole('ADMIN')")
        String admin() {
            return "ok";
        }
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final String token = TestTokens.get().bearer(UUID.randomUUID(), "reader");

    HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", token)
                .header("X-Request-Id", "req-12345678");
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.body())
                .contains("\"type\":\"about:blank\"")
                .contains("\"status\":" + status)
                .contains("\"requestId\":\"req-12345678\"");
        assertThat(r.body())
                .doesNotContain("Exception")
                .doesNotContain("at io.lectern")
                .doesNotContain("secret");
    }

    @Test
    void pathsTheFirewallRefusesAreProblemsToo() throws Exception {
        for (String path : List.of("/api/v1/things/a;b", "/api/v1/things/%2e%2e/admin", "/api/v1/things/a%00b")) {
            HttpResponse<String> r = send("GET", path, null, null);
            assertProblem(r, 400);
            assertThat(r.body()).doesNotContain("timestamp");
        }
    }

    @Test
    void nulCharacterInAParameterIs400NotAConflict() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/things/search?q=a%00b", null, null);
        assertProblem(r, 400);
        assertThat(r.body()).contains("NUL");
    }

    @Test
    void aWrongTypeInTheBodyNamesTheField() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/things", "application/json", "{\"name\":[1,2]}");
        assertProblem(r, 400);
        assertThat(r.body()).contains("\"field\":\"name\"");
    }

    @Test
    void invalidBodyIs400WithFieldErrors() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/things", "application/json", "{\"name\":\"\"}");
        assertProblem(r, 400);
        assertThat(r.body()).contains("\"field\":\"name\"");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertProblem(send("POST", "/api/v1/things", "application/json", "{\"name\":"), 400);
    }

    @Test
    void unsupportedMediaTypeIs415() throws Exception {
        assertProblem(send("POST", "/api/v1/things", "text/plain", "name"), 415);
    }

    @Test
    void wrongMethodIs405() throws Exception {
        assertProblem(send("DELETE", "/api/v1/things/missing", null, null), 405);
    }

    @Test
    void businessNotFoundIs404WithItsDetail() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/things/missing", null, null);
        assertProblem(r, 404);
        assertThat(r.body()).contains("Thing 'x' was not found.");
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertProblem(send("GET", "/api/v1/nothing-here", null, null), 404);
    }

    @Test
    void missingRoleIs403() throws Exception {
        assertProblem(send("GET", "/api/v1/things/admin", null, null), 403);
    }

    @Test
    void unexpectedExceptionIs500WithoutInternals() throws Exception {
        assertProblem(send("GET", "/api/v1/things/boom", null, null), 500);
    }
}
