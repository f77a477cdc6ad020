package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The gateway lets through only tokens identity-service could have issued, and only where their roles allow. */
class TokenCheckTest extends GatewayTestSupport {

    static final String PROTECTED = "/api/v1/progress/mine";

    static void assertUnauthorizedProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).contains("\"status\":401").doesNotContain("Exception");
    }

    @Test
    void forgedIdentityHeadersWithoutTokenAre401() throws Exception {
        assertUnauthorizedProblem(get(
                PROTECTED,
                "X-User-Id",
                "1",
                "X-User-Roles",
                "admin",
                "X-Forwarded-User",
                "admin",
                "X-Internal-Caller",
                "billing"));
    }

    @Test
    void unsignedAlgNoneTokenIs401() throws Exception {
        assertUnauthorizedProblem(get(PROTECTED, "Authorization", "Bearer " + KEYS.unsigned("mallory")));
    }

    @Test
    void hs256SignedWithThePublicKeyIs401() throws Exception {
        assertUnauthorizedProblem(get(PROTECTED, "Authorization", "Bearer " + KEYS.hmacWithPublicKey("mallory")));
    }

    @Test
    void tokenFromAnUnpublishedKeyIs401() throws Exception {
        String token = KEYS.signedWith(TestKeys.newKey(), "mallory", "admin");
        assertUnauthorizedProblem(get(PROTECTED, "Authorization", "Bearer " + token));
    }

    @Test
    void wrongAudienceIs401() throws Exception {
        assertUnauthorizedProblem(get(PROTECTED, "Authorization", "Bearer " + KEYS.wrongAudience("mallory")));
    }

    @Test
    void wrongIssuerIs401() throws Exception {
        assertUnauthorizedProblem(get(PROTECTED, "Authorization", "Bearer " + KEYS.wrongIssuer("mallory")));
    }

    @Test
    void expiredTokenIs401() throws Exception {
        assertUnauthorizedProblem(get(PROTECTED, "Authorization", "Bearer " + KEYS.expired("alice")));
    }

    @Test
    void tamperedSignatureIs401() throws Exception {
        String token = KEYS.token("alice");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertUnauthorizedProblem(get(PROTECTED, "Authorization", "Bearer " + tampered));
    }

    @Test
    void missingTokenOnProtectedRouteIs401ButPublicReadsPass() throws Exception {
        assertUnauthorizedProblem(get(PROTECTED));
        assertUnauthorizedProblem(send("POST", "/api/v1/posts", "{}"));
        assertThat(get("/api/v1/posts/hello").statusCode()).isEqualTo(200);
    }

    @Test
    void validTokenPassesWithAuthorizationUnchangedAndSpoofedHeadersStripped() throws Exception {
        String bearer = KEYS.bearer("alice");
        HttpResponse<String> response = get(
                PROTECTED,
                "Authorization",
                bearer,
                "X-User-Id",
                "1",
                "X-User-Roles",
                "admin",
                "X-Forwarded-User",
                "admin",
                "X-Internal-Token",
                "secret",
                "X-Request-Id",
                "req-12345678");
        assertThat(response.statusCode()).isEqualTo(200);
        var forwarded = SERVICES.get("learning").last(PROTECTED).headers();
        assertThat(forwarded.getFirst("Authorization")).isEqualTo(bearer);
        assertThat(forwarded.containsKey("X-User-Id")).isFalse();
        assertThat(forwarded.containsKey("X-User-Roles")).isFalse();
        assertThat(forwarded.containsKey("X-Forwarded-User")).isFalse();
        assertThat(forwarded.containsKey("X-Internal-Token")).isFalse();
        assertThat(forwarded.getFirst("X-Request-Id")).isEqualTo("req-12345678");
    }

    @Test
    void rotatedKeyIsAcceptedWithoutRestartAndWithdrawnKeyStopsWorking() {
        RSAKey next = TestKeys.newKey();
        String token = KEYS.signedWith(next, "rotating-user");
        KEYS.publish(next);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get(PROTECTED, "Authorization", "Bearer " + token)
                                .statusCode())
                        .isEqualTo(200));

        KEYS.withdraw(next);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get(PROTECTED, "Authorization", "Bearer " + token)
                                .statusCode())
                        .isEqualTo(401));
    }

    @Test
    void adminRoutesNeedTheAdminRole() throws Exception {
        assertThat(get("/api/v1/admin/users", "Authorization", KEYS.bearer("reader-1", "reader"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/admin/users", "Authorization", KEYS.bearer("author-1", "author"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/admin/users", "Authorization", KEYS.bearer("admin-1", "admin"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> denied = get("/api/v1/admin/analytics", "Authorization", KEYS.bearer("ed-1", "editor"));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    @Test
    void authorsAndEditorsMayUseTheContentAdminRoutes() throws Exception {
        assertThat(get("/api/v1/admin/posts", "Authorization", KEYS.bearer("author-2", "author"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/admin/tags", "Authorization", KEYS.bearer("editor-2", "editor"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/admin/comments", "Authorization", KEYS.bearer("author-3", "author"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/admin/posts", "Authorization", KEYS.bearer("reader-2", "reader"))
                        .statusCode())
                .isEqualTo(403);
    }
}
