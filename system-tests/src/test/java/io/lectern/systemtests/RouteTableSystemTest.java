package io.lectern.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's route table, checked against the real services: every operation each running service
 * publishes in its OpenAPI document (the committed one, which each service's baseline test proves is
 * what its code generates) is reachable through the gateway, with the service's own
 * public/authenticated rule and the right rate-limit group, and every public path the gateway lets
 * through anonymously is an operation some service serves anonymously. "Reachable" means the gateway
 * answers exactly what the service answers to the same request sent to it directly (a missing route
 * answers 404 at the gateway, a wrong one a different service's answer).
 */
@Order(20)
class RouteTableSystemTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] SERVICES = {"identity", "content", "learning", "ai", "billing", "notify"};
    static final String PLACEHOLDER = "00000000-0000-4000-8000-00000000cafe";
    /** Bodyless operations that would end the admin's own account or sessions: proven anonymous-only. */
    static final Set<String> SELF_DESTRUCTIVE = Set.of("DELETE /api/v1/users/me", "DELETE /api/v1/auth/sessions");

    record Operation(String service, String method, String template, boolean anonymous) {
        String key() {
            return method + " " + template;
        }

        /** The path through the gateway: the event-bus admin endpoints are named by service there. */
        String gatewayPath() {
            String concrete = template.replaceAll("\\{[^}]+}", PLACEHOLDER);
            return concrete.startsWith("/api/v1/admin/events/")
                    ? concrete.replace("/api/v1/admin/events/", "/api/v1/admin/events/" + service + "/")
                    : concrete;
        }

        String servicePath() {
            return template.replaceAll("\\{[^}]+}", PLACEHOLDER);
        }
    }

    static final List<Operation> OPERATIONS = new ArrayList<>();
    static String adminToken;
    static String readerToken;

    @BeforeAll
    static void start() throws Exception {
        Stack.ensureUp();
        for (int i = 0; i < SERVICES.length; i++) {
            // the committed web/openapi/<service>.json its jar packaged (docs/adr/0102)
            HttpResponse<String> docs = Stack.HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (Stack.PORT_BASE + 1 + i) + "/v3/api-docs"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).as(SERVICES[i] + " /v3/api-docs").isEqualTo(200);
            JsonNode paths = JSON.readTree(docs.body()).path("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    // the platform gives every operation that needs a token a bearer requirement
                    JsonNode security = op.getValue().get("security");
                    OPERATIONS.add(new Operation(
                            SERVICES[i],
                            op.getKey().toUpperCase(Locale.ROOT),
                            path.getKey(),
                            security == null || security.isEmpty()));
                }
            }
        }
        assertThat(OPERATIONS).hasSizeGreaterThan(60);

        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String password = "a long admin passphrase";
        Stack.Result made = Stack.lectern(Map.of("LECTERN_ADMIN_PASSWORD", password), "admin", admin);
        assertThat(made.exit()).as(made.output()).isZero();
        assertThat(made.output()).contains("lectern admin: " + admin + " created");
        adminToken = accessToken(admin, password);

        String reader = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> register = send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"" + reader + "\",\"password\":\"" + password + "\",\"displayName\":\"Route Reader\"}",
                null);
        assertThat(register.statusCode()).as(register.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !SignUpJourneySystemTest.messages(reader).isEmpty());
        String token = SignUpJourneySystemTest.verificationToken(SignUpJourneySystemTest.textOf(
                SignUpJourneySystemTest.messages(reader).getFirst()));
        assertThat(send("POST", "/api/v1/auth/verify", "{\"token\":\"" + token + "\"}", null)
                        .statusCode())
                .isEqualTo(200);
        readerToken = accessToken(reader, password);
    }

    static String accessToken(String email, String password) throws Exception {
        HttpResponse<String> login = send(
                "POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("accessToken").asString();
    }

    @Test
    void everyDocumentedOperationAnswersThroughTheGatewayExactlyAsTheServiceDoes() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Operation op : OPERATIONS) {
            String body = hasBody(op.method()) ? "{" : null;
            if (op.template().startsWith("/internal/")) {
                // service-to-service (learning calls ai directly): never routed, whoever asks
                softly.assertThat(send(op.method(), op.gatewayPath(), body, adminToken)
                                .statusCode())
                        .as("%s (%s) is not reachable through the gateway", op.key(), op.service())
                        .isEqualTo(404);
                continue;
            }
            if (op.anonymous()) {
                HttpResponse<String> direct = sendTo(serviceUrl(op, op.servicePath()), op.method(), body, null);
                HttpResponse<String> through = send(op.method(), op.gatewayPath(), body, null);
                softly.assertThat(through.statusCode())
                        .as("anonymous %s (%s) through the gateway: %s", op.key(), op.service(), through.body())
                        .isEqualTo(direct.statusCode());
                softly.assertThat(through.headers().firstValue("X-RateLimit-Policy"))
                        .as("rate-limit group of %s", op.key())
                        .hasValue(expectedGroup(op));
                continue;
            }
            HttpResponse<String> anonymous = send(op.method(), op.gatewayPath(), body, null);
            softly.assertThat(anonymous.statusCode())
                    .as("%s needs a token at the gateway", op.key())
                    .isEqualTo(401);
            if (SELF_DESTRUCTIVE.contains(op.key())) {
                continue;
            }
            boolean adminOnly = op.template().startsWith("/api/v1/admin/");
            if (adminOnly) {
                HttpResponse<String> reader = send(op.method(), op.gatewayPath(), body, readerToken);
                softly.assertThat(reader.statusCode())
                        .as("a reader is refused %s", op.key())
                        .isEqualTo(403);
            }
            String token = adminOnly ? adminToken : readerToken;
            HttpResponse<String> direct = sendTo(serviceUrl(op, op.servicePath()), op.method(), body, token);
            HttpResponse<String> through = send(op.method(), op.gatewayPath(), body, token);
            softly.assertThat(through.statusCode())
                    .as(
                            "%s %s (%s) through the gateway: %s",
                            adminOnly ? "admin" : "reader", op.key(), op.service(), through.body())
                    .isEqualTo(direct.statusCode());
            softly.assertThat(through.headers().firstValue("X-RateLimit-Policy"))
                    .as("rate-limit group of %s", op.key())
                    .hasValue(expectedGroup(op));
        }
        softly.assertAll();
    }

    @Test
    void everyPublicPathOfTheGatewayIsAnAnonymousOperationOfAService() throws Exception {
        Map<String, Object> yaml =
                new Yaml().load(Files.readString(Stack.ROOT.resolve("gateway/src/main/resources/application.yml")));
        List<String> publicPaths = publicPaths(yaml);
        // The gateway's own pages (API documentation UI, health) are not a service's operations.
        Set<String> gatewayOwn = Set.of(
                "GET /api-docs.html",
                "GET /api-docs/*",
                "GET /api-docs.js",
                "GET /webjars/**",
                "GET /actuator/health/**");
        SoftAssertions softly = new SoftAssertions();
        for (String entry : publicPaths) {
            if (gatewayOwn.contains(entry)) {
                continue;
            }
            String[] parts = entry.split("\\s+", 2);
            String method = parts.length == 2 ? parts[0] : null;
            String pattern = parts.length == 2 ? parts[1] : parts[0];
            var compiled = org.springframework.web.util.pattern.PathPatternParser.defaultInstance.parse(pattern);
            boolean served = OPERATIONS.stream()
                    .anyMatch(op -> op.anonymous()
                            && (method == null || method.equals(op.method()))
                            && compiled.matches(
                                    org.springframework.http.server.PathContainer.parsePath(op.template())));
            softly.assertThat(served)
                    .as("public gateway path %s is an anonymous operation of some service", entry)
                    .isTrue();
        }
        softly.assertAll();
    }

    @Test
    void feedsAndTheApiPageWorkAnonymouslyAtTheirShortAddresses() throws Exception {
        for (String feed : List.of("/feed.xml", "/atom.xml")) {
            HttpResponse<String> response = send("GET", feed, null, null);
            assertThat(response.statusCode()).as(feed).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .as(feed)
                    .contains("xml");
            assertThat(response.body()).as(feed).containsAnyOf("<rss", "<feed");
        }
        HttpResponse<String> page = Stack.HTTP.send(
                HttpRequest.newBuilder(URI.create(Stack.gateway("/api-docs.html")))
                        .header("X-Forwarded-For", randomClient())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = page.headers().firstValue("Location").orElse("/api-docs.html");
        HttpResponse<String> ui = page.statusCode() / 100 == 3 ? send("GET", location, null, null) : page;
        assertThat(ui.statusCode()).as("API page at " + location).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    @Test
    void prometheusIsScrapedFromAnInternalAddressWithoutLimitAndRefusedFromOutside() throws Exception {
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> scrape = Stack.get(Stack.gateway("/actuator/prometheus"));
            assertThat(scrape.statusCode()).as("scrape " + i).isEqualTo(200);
        }
        HttpResponse<String> outside =
                Stack.get(Stack.gateway("/actuator/prometheus"), "X-Forwarded-For", "198.51.100.7");
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.body()).contains("\"type\"");
    }

    static String expectedGroup(Operation op) {
        String p = op.template();
        if (op.method().equals("POST")
                && Set.of(
                                "/api/v1/auth/login",
                                "/api/v1/auth/register",
                                "/api/v1/auth/verify",
                                "/api/v1/auth/verification/resend",
                                "/api/v1/auth/password-reset",
                                "/api/v1/auth/password-reset/confirm")
                        .contains(p)) {
            return "auth";
        }
        if ((op.method().equals("POST") && p.matches("/api/v1/posts/\\{[^}]+}/comments"))
                || (Set.of("POST", "PUT", "PATCH").contains(op.method()) && p.startsWith("/api/v1/comments/"))) {
            return "comments";
        }
        if (p.startsWith("/api/v1/ai/") || p.startsWith("/api/v1/rag/")) {
            return "ai";
        }
        if (p.startsWith("/api/v1/billing/webhook")) {
            return "webhooks";
        }
        // feeds, sitemap, uploads, JWKS and the web app's pages: a reader clicks through many of them
        return p.startsWith("/api/") ? "general" : "pages";
    }

    @SuppressWarnings("unchecked")
    static List<String> publicPaths(Map<String, Object> yaml) {
        Map<String, Object> node = yaml;
        for (String key : List.of("lectern", "gateway", "auth")) {
            node = (Map<String, Object>) node.get(key);
        }
        return (List<String>) node.get("public-paths");
    }

    static boolean hasBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    static String serviceUrl(Operation op, String path) {
        int index = List.of(SERVICES).indexOf(op.service());
        return "http://127.0.0.1:" + (Stack.PORT_BASE + 1 + index) + path;
    }

    static String randomClient() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "203.0." + r.nextInt(0, 255) + "." + r.nextInt(1, 255);
    }

    static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return sendTo(Stack.gateway(path), method, body, token);
    }

    /** Malformed JSON for operations with a body: every service refuses it before doing anything. */
    static HttpResponse<String> sendTo(String url, String method, String body, String token) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Forwarded-For", randomClient());
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        HttpResponse<java.io.InputStream> response =
                Stack.HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        String text;
        try (java.io.InputStream in = response.body()) {
            // an event stream stays open: its status and headers are the answer
            boolean stream =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            text = stream ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String answer = text;
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return response.statusCode();
            }

            @Override
            public HttpRequest request() {
                return response.request();
            }

            @Override
            public java.util.Optional<HttpResponse<String>> previousResponse() {
                return java.util.Optional.empty();
            }

            @Override
            public java.net.http.HttpHeaders headers() {
                return response.headers();
            }

            @Override
            public String body() {
                return answer;
            }

            @Override
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
                return response.sslSession();
            }

            @Override
            public URI uri() {
                return response.uri();
            }

            @Override
            public java.net.http.HttpClient.Version version() {
                return response.version();
            }
        };
    }
}
