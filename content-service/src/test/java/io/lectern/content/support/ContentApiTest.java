package io.lectern.content.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the content integration tests: one Spring context (same configuration everywhere, so the
 * context cache shares it), real PostgreSQL and Redis, and small HTTP helpers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ContentApiTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    protected final UUID author = UUID.randomUUID();
    protected final UUID otherAuthor = UUID.randomUUID();
    protected final UUID editor = UUID.randomUUID();
    protected final UUID reader = UUID.randomUUID();

    protected static String bearer(UUID user, String... roles) {
        return TestTokens.get().bearer(user, roles);
    }

    protected static String premium(UUID user, String... roles) {
        return "Bearer " + TestTokens.get().premiumToken(user, roles);
    }

    protected String authorToken() {
        return bearer(author, "author");
    }

    protected String editorToken() {
        return bearer(editor, "editor");
    }

    protected String readerToken() {
        return bearer(reader, "reader");
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        public Response expect(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }

        public Response expectProblem(int expected) {
            expect(expected);
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            assertThat(json().path("status").asInt()).isEqualTo(expected);
            return this;
        }
    }

    protected Response send(String method, String path, @Nullable String token, @Nullable Object body) {
        return send(method, path, token, body, Map.of());
    }

    protected Response send(
            String method, String path, @Nullable String token, @Nullable Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (token != null) {
                b.header("Authorization", token);
            }
            headers.forEach(b::header);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json");
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                b.method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A raw body (an archive, a JSON file) with its own content type. */
    protected Response sendRaw(String path, @Nullable String token, String contentType, byte[] body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (token != null) {
                b.header("Authorization", token);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A binary answer (an export). */
    protected HttpResponse<byte[]> download(String path, @Nullable String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (token != null) {
                b.header("Authorization", token);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected Response get(String path, @Nullable String token) {
        return send("GET", path, token, null);
    }

    protected Response post(String path, @Nullable String token, @Nullable Object body) {
        return send("POST", path, token, body);
    }

    protected Response put(String path, @Nullable String token, @Nullable Object body) {
        return send("PUT", path, token, body);
    }

    protected Response delete(String path, @Nullable String token) {
        return send("DELETE", path, token, null);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A post request body with sensible defaults; override entries as needed. */
    protected static Map<String, Object> postBody(String title, String markdown, Object... overrides) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", title);
        body.put("markdown", markdown);
        body.put("difficulty", "BEGINNER");
        body.put("premium", false);
        body.put("tags", List.of());
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return body;
    }

    protected JsonNode createPost(String token, Map<String, Object> body) {
        return post("/api/v1/admin/posts", token, body).expect(201).json();
    }

    protected JsonNode createPublished(String token, Map<String, Object> body) {
        JsonNode created = createPost(token, body);
        return post("/api/v1/admin/posts/" + created.path("id").asString() + "/publish", token, null)
                .expect(200)
                .json();
    }
}
