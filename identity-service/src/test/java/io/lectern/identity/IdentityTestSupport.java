package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.platform.crypto.Sealer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared by the integration tests (one Spring context for all of them, against the real PostgreSQL
 * and Redis of this run). Every test uses fresh addresses and its own client IP (X-Forwarded-For),
 * so tests never throttle or see each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IdentityTestSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    protected static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    protected int port;

    /** Google's endpoints (authorization, token, JWKS) point at a WireMock stand-in for every test. */
    @DynamicPropertySource
    static void googleStandIn(DynamicPropertyRegistry registry) {
        GoogleStandIn google = GoogleStandIn.get();
        registry.add("lectern.identity.google.client-id", () -> GoogleStandIn.CLIENT_ID);
        registry.add("lectern.identity.google.client-secret", () -> "test-client-secret");
        registry.add("lectern.identity.google.authorization-uri", () -> google.url("/o/oauth2/v2/auth"));
        registry.add("lectern.identity.google.token-uri", () -> google.url("/token"));
        registry.add("lectern.identity.google.jwk-set-uri", () -> google.url("/oauth2/v3/certs"));
        registry.add("lectern.identity.google.redirect-uri", () -> "http://localhost/api/v1/auth/google/callback");
        registry.add("lectern.identity.google.success-redirect", () -> "/signed-in");
    }

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Sealer sealer;

    /** This test's client address (TEST-NET style, never an internal-proxy range). */
    protected final String clientIp = "198.18." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(1, 255);

    protected record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    protected Response send(String method, String path, Object body, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("X-Forwarded-For", clientIp);
            if (headers.length > 0) {
                b.headers(headers);
            }
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofString(
                                        body instanceof String s ? s : JSON.writeValueAsString(body)));
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    protected Response httpGet(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    protected static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }

    protected static String newEmail() {
        return "u-" + UUID.randomUUID().toString().substring(0, 13) + "@example.org";
    }

    protected Response register(String email, String password) {
        return post("/api/v1/auth/register", Map.of("email", email, "password", password, "displayName", "Ada Reader"));
    }

    /** Events identity wrote to its outbox about an aggregate, oldest first (type, payload). */
    protected List<Map.Entry<String, JsonNode>> events(UUID aggregateId) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        jdbc.sql("SELECT type, payload::text FROM outbox WHERE aggregate_id = :a ORDER BY seq")
                .param("a", aggregateId.toString())
                .query((rs, n) -> Map.entry(rs.getString(1), JSON.readTree(rs.getString(2))))
                .list()
                .forEach(out::add);
        return out;
    }

    protected List<JsonNode> events(UUID aggregateId, String type) {
        return events(aggregateId).stream()
                .filter(e -> e.getKey().equals(type))
                .map(Map.Entry::getValue)
                .toList();
    }

    protected UUID userId(String email) {
        return jdbc.sql("SELECT id FROM users WHERE email_normalized = lower(:e)")
                .param("e", email)
                .query(UUID.class)
                .single();
    }

    /** The raw token of the newest link emailed to a user, as notify-service would unseal it. */
    protected String latestLinkToken(UUID userId, String type, String sealContext) {
        List<JsonNode> requested = events(userId, type);
        assertThat(requested).isNotEmpty();
        return sealer.unseal(sealContext, requested.getLast().get("sealedToken").asString());
    }

    protected String verificationToken(UUID userId) {
        return latestLinkToken(userId, "identity.email-verification-requested.v1", "email-verification");
    }

    /** Registers, verifies and returns the new user's id. */
    protected UUID verifiedUser(String email) {
        assertThat(register(email, PASSWORD).status()).isEqualTo(202);
        UUID id = userId(email);
        assertThat(post("/api/v1/auth/verify", Map.of("token", verificationToken(id)))
                        .status())
                .isEqualTo(200);
        return id;
    }

    protected JsonNode login(String email, String password) {
        Response r = post("/api/v1/auth/login", Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    protected String accessToken(String email) {
        return login(email, PASSWORD).get("accessToken").asString();
    }

    /** A verified admin (role set in the database, as an operator bootstraps the first admin). */
    protected String adminToken() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        jdbc.sql("UPDATE users SET roles = ARRAY['reader','admin'] WHERE id = :id")
                .param("id", id)
                .update();
        return accessToken(email);
    }

    protected static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.has("title")).isTrue();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.lectern");
    }
}
