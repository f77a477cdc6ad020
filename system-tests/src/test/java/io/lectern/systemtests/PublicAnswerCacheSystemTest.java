package io.lectern.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's copy of content's public answers (ADR 0035), across the real seam: the real gateway,
 * content-service, PostgreSQL and Redis started by {@code ./lectern up}. An answer the gateway served
 * itself carries {@code Age} (content never sends one). An edit through the gateway is visible on the
 * next read; a change made straight in the database reaches the gateway as content's Redis message,
 * well within the 30 s the copy could otherwise live. A signed-in reader gets the same copy, marked
 * private, only with a token the gateway verified (ADR 0107); a premium post's body and its teaser each
 * reach only the readers content said they are for (ADR 0114).
 */
class PublicAnswerCacheSystemTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The reads of this test count against one anonymous address of their own. */
    static final String READER_IP = "198.19.7." + (1 + (int) (Math.random() * 250));

    @BeforeAll
    static void start() throws Exception {
        Stack.ensureUp();
    }

    static HttpResponse<String> anonymousRead(String slug) throws Exception {
        HttpResponse<String> r = Stack.get(Stack.gateway("/api/v1/posts/" + slug), "X-Forwarded-For", READER_IP);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    static String title(HttpResponse<String> answer) {
        return JSON.readTree(answer.body()).path("title").asString();
    }

    /** Reads until the gateway answers from its copy (a content event may still empty it once). */
    static HttpResponse<String> readFromTheGateway(String slug) {
        HttpResponse<?>[] hit = new HttpResponse<?>[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            anonymousRead(slug);
            HttpResponse<String> second = anonymousRead(slug);
            assertThat(second.headers().firstValue("Age"))
                    .as("served by the gateway")
                    .isPresent();
            hit[0] = second;
        });
        @SuppressWarnings("unchecked")
        HttpResponse<String> answer = (HttpResponse<String>) hit[0];
        return answer;
    }

    @Test
    void anEditThroughTheGatewayAndAChangeInTheDatabaseAreBothSeenThroughTheGatewaysCopy() throws Exception {
        String author = adminToken();
        String title = "Cached at the edge " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode post =
                published(author, "{\"title\":\"" + title + "\",\"markdown\":\"Served from the gateway's memory.\"}");
        String id = post.get("id").asString();
        String slug = post.get("slug").asString();

        HttpResponse<String> copy = readFromTheGateway(slug);
        assertThat(title(copy)).isEqualTo(title);
        assertThat(copy.headers().firstValue("Cache-Control")).hasValue("max-age=30, public");
        // a free post reads the same for everyone: content marks it so and the gateway hands its copy
        // to a reader whose token it verified, marked private as content marks it (ADR 0107)
        HttpResponse<String> signedIn =
                Stack.get(Stack.gateway("/api/v1/posts/" + slug), "Authorization", "Bearer " + author);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).isEqualTo(copy.body());
        assertThat(signedIn.headers().firstValue("Age"))
                .as("served by the gateway")
                .isPresent();
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("no-store, private");
        assertThat(signedIn.headers().firstValue("Lectern-Shared-Cache-Control"))
                .as("content's mark stays inside")
                .isEmpty();
        assertThat(Stack.get(
                                Stack.gateway("/api/v1/posts/" + slug),
                                "Authorization",
                                "Bearer " + author.substring(0, author.length() - 4) + "AAAA")
                        .statusCode())
                .as("a token that does not verify, although the answer is in memory")
                .isEqualTo(401);

        HttpResponse<String> edit = Stack.HTTP.send(
                HttpRequest.newBuilder(URI.create(Stack.gateway("/api/v1/admin/posts/" + id)))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + author)
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"title\":\"" + title + " (edited)\",\"markdown\":\"Edited.\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(title(anonymousRead(slug)))
                .as("the next read after an edit through the gateway")
                .isEqualTo(title + " (edited)");

        readFromTheGateway(slug);
        try (Connection c = TestInfrastructure.get().admin(Stack.DB);
                PreparedStatement s = c.prepareStatement("UPDATE content.post SET title = ? WHERE id = ?")) {
            s.setString(1, title + " (changed in the database)");
            s.setObject(2, UUID.fromString(id));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        // within 10 s: content's message ended the copy, not its 30 s lifetime
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(
                        () -> assertThat(title(anonymousRead(slug))).isEqualTo(title + " (changed in the database)"));
    }

    @Test
    void aPremiumPostsBodyAndTeaserAreServedFromTheGatewaysCopyOnlyToTheirOwnReaders() throws Exception {
        String author = adminToken();
        String title = "Premium at the edge " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode post = published(
                author, "{\"title\":\"" + title + "\",\"markdown\":\"Only for subscribers.\",\"premium\":true}");
        String id = post.get("id").asString();
        String slug = post.get("slug").asString();
        String path = "/api/v1/posts/" + slug;
        String reader = readerToken();
        String staff = adminToken();

        // content tells the gateway who each answer is for (ADR 0114): a free reader's teaser is then
        // served from the copy to an anonymous reader, an admin's body to another admin
        HttpResponse<String> teaser = readTwice(path, "Authorization", "Bearer " + reader);
        assertThat(JSON.readTree(teaser.body()).path("bodyIncluded").asBoolean())
                .isFalse();
        HttpResponse<String> body = readTwice(path, "Authorization", "Bearer " + author);
        assertThat(JSON.readTree(body.body()).path("html").asString()).contains("Only for subscribers");
        for (HttpResponse<String> r : List.of(teaser, body)) {
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store, private");
            assertThat(r.headers().firstValue("Lectern-Shared-Audience"))
                    .as("content's mark stays inside")
                    .isEmpty();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> anonymous = Stack.get(Stack.gateway(path), "X-Forwarded-For", READER_IP);
            assertThat(anonymous.body()).isEqualTo(teaser.body());
            assertThat(anonymous.headers().firstValue("Age"))
                    .as("served by the gateway")
                    .isPresent();
            HttpResponse<String> otherAdmin = Stack.get(Stack.gateway(path), "Authorization", "Bearer " + staff);
            assertThat(otherAdmin.body()).isEqualTo(body.body());
            assertThat(otherAdmin.headers().firstValue("Age"))
                    .as("served by the gateway")
                    .isPresent();
            assertThat(otherAdmin.headers().firstValue("Cache-Control")).hasValue("no-store, private");
            HttpResponse<String> free = Stack.get(Stack.gateway(path), "Authorization", "Bearer " + reader);
            assertThat(free.body()).as("never the body to a free reader").isEqualTo(teaser.body());
        });

        HttpResponse<String> madeFree = Stack.HTTP.send(
                HttpRequest.newBuilder(URI.create(Stack.gateway("/api/v1/admin/posts/" + id)))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + author)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title
                                + "\",\"markdown\":\"Only for subscribers.\",\"premium\":false}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(madeFree.statusCode()).as(madeFree.body()).isEqualTo(200);
        HttpResponse<String> next = Stack.get(Stack.gateway(path), "Authorization", "Bearer " + reader);
        assertThat(JSON.readTree(next.body()).path("html").asString())
                .as("the next read after the premium switch")
                .contains("Only for subscribers");
    }

    /**
     * Reads twice with these headers until the second read was served by the gateway's copy; returns the
     * first (content's answer).
     */
    private static HttpResponse<String> readTwice(String path, String... headers) {
        List<HttpResponse<String>> first = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            first.clear();
            HttpResponse<String> fromContent = Stack.get(Stack.gateway(path), headers);
            HttpResponse<String> fromCopy = Stack.get(Stack.gateway(path), headers);
            assertThat(fromContent.statusCode()).as(fromContent.body()).isEqualTo(200);
            assertThat(fromCopy.body()).isEqualTo(fromContent.body());
            assertThat(fromCopy.headers().firstValue("Age"))
                    .as("served by the gateway")
                    .isPresent();
            first.add(fromContent);
        });
        return first.get(0);
    }

    /** Creates the post through the gateway and publishes it; returns the created post. */
    static JsonNode published(String author, String json) throws Exception {
        HttpResponse<String> created =
                Stack.postJson(Stack.gateway("/api/v1/admin/posts"), json, "Authorization", "Bearer " + author);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode post = JSON.readTree(created.body());
        HttpResponse<String> published = Stack.postJson(
                Stack.gateway("/api/v1/admin/posts/" + post.get("id").asString() + "/publish"),
                "{}",
                "Authorization",
                "Bearer " + author);
        assertThat(published.statusCode()).as(published.body()).isIn(200, 204);
        return post;
    }

    private static String readerToken() throws Exception {
        String email = BillingJourneySystemTest.verifiedUser("free-reader");
        HttpResponse<String> login = SignUpJourneySystemTest.login(email, BillingJourneySystemTest.PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("accessToken").asString();
    }

    private static String adminToken() throws Exception {
        String email = BillingJourneySystemTest.verifiedUser("edge");
        BillingJourneySystemTest.makeAdmin(email);
        HttpResponse<String> login = SignUpJourneySystemTest.login(email, BillingJourneySystemTest.PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("accessToken").asString();
    }
}
