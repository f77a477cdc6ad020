package io.lectern.content.comment;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.content.support.ContentApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Comments (tree, moderation, reports) and reactions. */
class CommunityApiTest extends ContentApiTest {

    @Test
    void firstCommentIsHeldThenApprovedAndLaterOnesAppearAtOnceAsEscapedText() {
        String slug = createPublished(authorToken(), postBody(unique("Discuss"), "body"))
                .path("slug")
                .asString();
        UUID commenter = UUID.randomUUID();
        String token = bearer(commenter, "reader");
        JsonNode first = post(
                        "/api/v1/posts/" + slug + "/comments", token, Map.of("body", "<script>alert(1)</script> hi"))
                .expect(201)
                .json();
        assertThat(first.path("status").asString()).isEqualTo("PENDING");
        assertThat(first.path("html").asString()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(get("/api/v1/posts/" + slug + "/comments", null).expect(200).json())
                .isEmpty();

        String id = first.path("id").asString();
        post("/api/v1/admin/comments/" + id + "/approve", token, null).expectProblem(403);
        JsonNode queue =
                get("/api/v1/admin/comments", editorToken()).expect(200).json();
        assertThat(queue.findValuesAsString("postSlug")).contains(slug);
        post("/api/v1/admin/comments/" + id + "/approve", editorToken(), null).expect(200);

        JsonNode reply = post("/api/v1/posts/" + slug + "/comments", token, Map.of("body", "a reply", "parentId", id))
                .expect(201)
                .json();
        assertThat(reply.path("status").asString()).isEqualTo("APPROVED");
        JsonNode tree =
                get("/api/v1/posts/" + slug + "/comments", null).expect(200).json();
        assertThat(tree).hasSize(1);
        assertThat(tree.get(0).path("replies").get(0).path("body").asString()).isEqualTo("a reply");

        put("/api/v1/comments/" + id, readerToken(), Map.of("body", "not mine")).expectProblem(403);
        put("/api/v1/comments/" + id, token, Map.of("body", "edited")).expect(200);
        post("/api/v1/comments/" + id + "/reports", readerToken(), Map.of("reason", "spam"))
                .expect(202);
        assertThat(get("/api/v1/admin/comments?reported=true", editorToken())
                        .json()
                        .findValuesAsString("postSlug"))
                .contains(slug);
        delete("/api/v1/comments/" + reply.path("id").asString(), readerToken()).expectProblem(403);
        delete("/api/v1/comments/" + reply.path("id").asString(), token).expect(204);
        assertThat(get("/api/v1/posts/" + slug + "/comments", null)
                        .json()
                        .get(0)
                        .path("replies"))
                .isEmpty();
    }

    @Test
    void rejectedAndDeletedCommentsStayHidden() {
        String slug = createPublished(authorToken(), postBody(unique("Moderated"), "body"))
                .path("slug")
                .asString();
        String token = bearer(UUID.randomUUID(), "reader");
        String id = post("/api/v1/posts/" + slug + "/comments", token, Map.of("body", "buy pills"))
                .expect(201)
                .json()
                .path("id")
                .asString();
        post("/api/v1/admin/comments/" + id + "/reject", editorToken(), null).expect(200);
        assertThat(get("/api/v1/posts/" + slug + "/comments", null).json()).isEmpty();
        delete("/api/v1/admin/comments/" + id, editorToken()).expect(204);
        delete("/api/v1/admin/comments/" + UUID.randomUUID(), editorToken()).expectProblem(404);
    }

    @Test
    void commentsNeedAPublishedPostASignedInUserAndABodyWithinLimits() {
        String draft = createPost(authorToken(), postBody(unique("Draft"), "body"))
                .path("slug")
                .asString();
        post("/api/v1/posts/" + draft + "/comments", readerToken(), Map.of("body", "hello"))
                .expectProblem(422);
        post("/api/v1/posts/" + unique("missing") + "/comments", readerToken(), Map.of("body", "hello"))
                .expectProblem(404);
        String slug = createPublished(authorToken(), postBody(unique("Open"), "body"))
                .path("slug")
                .asString();
        post("/api/v1/posts/" + slug + "/comments", null, Map.of("body", "anon"))
                .expectProblem(401);
        post("/api/v1/posts/" + slug + "/comments", readerToken(), Map.of("body", "   "))
                .expectProblem(422);
        post("/api/v1/posts/" + slug + "/comments", readerToken(), Map.of("body", "x".repeat(4001)))
                .expectProblem(422);
        post(
                        "/api/v1/posts/" + slug + "/comments",
                        readerToken(),
                        Map.of("body", "hi", "parentId", UUID.randomUUID().toString()))
                .expectProblem(422);
    }

    @Test
    void reactionsAreOnePerUserAndTypeWithCounts() {
        String slug = createPublished(authorToken(), postBody(unique("Reactions"), "body"))
                .path("slug")
                .asString();
        String alice = bearer(UUID.randomUUID(), "reader");
        String bob = bearer(UUID.randomUUID(), "reader");
        put("/api/v1/posts/" + slug + "/reactions/like", alice, null).expect(200);
        put("/api/v1/posts/" + slug + "/reactions/like", alice, null).expect(200);
        put("/api/v1/posts/" + slug + "/reactions/insightful", alice, null).expect(200);
        JsonNode counts = put("/api/v1/posts/" + slug + "/reactions/like", bob, null)
                .expect(200)
                .json();
        assertThat(counts.path("counts").path("LIKE").asInt()).isEqualTo(2);
        assertThat(counts.path("counts").path("INSIGHTFUL").asInt()).isEqualTo(1);
        assertThat(counts.path("counts").path("CELEBRATE").asInt()).isZero();
        delete("/api/v1/posts/" + slug + "/reactions/like", alice).expect(200);
        assertThat(get("/api/v1/posts/" + slug + "/reactions", null)
                        .json()
                        .path("counts")
                        .path("LIKE")
                        .asInt())
                .isEqualTo(1);
        put("/api/v1/posts/" + slug + "/reactions/angry", alice, null).expectProblem(422);
        put("/api/v1/posts/" + slug + "/reactions/like", null, null).expectProblem(401);
        put("/api/v1/posts/" + unique("missing") + "/reactions/like", alice, null)
                .expectProblem(404);
    }
}
