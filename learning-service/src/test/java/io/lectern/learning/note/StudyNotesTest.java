package io.lectern.learning.note;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.learning.LearningIntegrationTest;
import io.lectern.learning.post.Posts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class StudyNotesTest extends LearningIntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    ObjectMapper json;

    @Test
    void anchoredNotesAreCreatedEditedSearchedAndExportedAsMarkdown() throws Exception {
        UUID user = registeredUser("UTC");
        UUID post = publishedPost();
        JsonNode note = json.readTree(create(
                        user,
                        "{\"postId\":\"" + post
                                + "\",\"anchor\":\"section\",\"body\":\"Virtual threads park on blocking IO\"}")
                .body());
        create(user, "{\"postId\":\"" + post + "\",\"body\":\"Structured concurrency scopes\"}");

        HttpResponse<String> edited =
                send(request("/api/v1/notes/" + note.get("id").asString(), user)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"anchor\":\"section\",\"body\":\"Virtual threads unmount on blocking IO\"}"))
                        .build());
        JsonNode found = get(user, "/api/v1/notes?q=unmount");
        JsonNode ofPost = get(user, "/api/v1/notes?postId=" + post);
        HttpResponse<String> markdown =
                send(request("/api/v1/notes/export", user).GET().build());

        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(found.get("items")).hasSize(1);
        assertThat(found.get("items").get(0).get("anchor").asString()).isEqualTo("section");
        assertThat(ofPost.get("items")).hasSize(2);
        assertThat(markdown.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(markdown.body())
                .startsWith("# My study notes")
                .contains("## Post ")
                .contains("*At `section`*")
                .contains("Virtual threads unmount on blocking IO")
                .contains("Structured concurrency scopes");
    }

    @Test
    void aNoteOverTheSizeLimitIsAProblemAndWritesNothing() throws Exception {
        UUID user = registeredUser("UTC");
        UUID post = publishedPost();

        HttpResponse<String> response =
                create(user, "{\"postId\":\"" + post + "\",\"body\":\"" + "x".repeat(10_001) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://lectern.dev/problems/too-large");
        assertThat(problem.get("field").asString()).isEqualTo("body");
        assertThat(count("select count(*) from study_note where user_id = :user", user))
                .isZero();
    }

    @Test
    void aBadAnchorOrAnUnknownPostIsAProblemAndWritesNothing() throws Exception {
        UUID user = registeredUser("UTC");
        UUID post = publishedPost();

        HttpResponse<String> badAnchor =
                create(user, "{\"postId\":\"" + post + "\",\"anchor\":\"<script>\",\"body\":\"x\"}");
        HttpResponse<String> unknown = create(user, "{\"postId\":\"" + UUID.randomUUID() + "\",\"body\":\"x\"}");

        assertThat(badAnchor.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badAnchor.body()).get("field").asString()).isEqualTo("anchor");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("field").asString()).isEqualTo("postId");
        assertThat(count("select count(*) from study_note where user_id = :user", user))
                .isZero();
    }

    @Test
    void anotherUsersNoteCannotBeReadEditedOrDeleted() throws Exception {
        UUID owner = registeredUser("UTC");
        UUID other = registeredUser("UTC");
        UUID post = publishedPost();
        String id = json.readTree(create(owner, "{\"postId\":\"" + post + "\",\"body\":\"mine\"}")
                        .body())
                .get("id")
                .asString();

        HttpResponse<String> read =
                send(request("/api/v1/notes/" + id, other).GET().build());
        HttpResponse<String> delete =
                send(request("/api/v1/notes/" + id, other).DELETE().build());

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(delete.statusCode()).isEqualTo(404);
        assertThat(count("select count(*) from study_note where user_id = :user", owner))
                .isEqualTo(1);
    }

    UUID publishedPost() {
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> posts.onPublished(post(id, null, null, 3, 1)));
        return id;
    }

    HttpResponse<String> create(UUID user, String body) throws Exception {
        return send(request("/api/v1/notes", user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    JsonNode get(UUID user, String path) throws Exception {
        HttpResponse<String> response = send(request(path, user).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
