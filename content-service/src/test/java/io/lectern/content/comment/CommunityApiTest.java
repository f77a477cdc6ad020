package io.lectern.content.comment;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.content.support.ContentApiTest;
import java.util.List;
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
        post("/api/v1/comments/" + id + "/reports", readerToken(), Map.of("reason", "SPAM"))
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
    void aReportNamesAReasonAndTheQueueShowsEachReasonsCountAndNotesMostReportedFirst() {
        String slug = createPublished(authorToken(), postBody(unique("Reported"), "body"))
                .path("slug")
                .asString();
        String id = approvedComment(slug, "Buy cheap pills at example.com");
        String first = bearer(UUID.randomUUID(), "reader");
        report(id, first, Map.of("reason", "SPAM")).expect(202);
        report(id, bearer(UUID.randomUUID(), "reader"), Map.of("reason", "SPAM", "note", "  a link to a shop \n"))
                .expect(202);
        report(id, bearer(UUID.randomUUID(), "reader"), Map.of("reason", "HARASSMENT", "note", "Insults me"))
                .expect(202);
        report(id, bearer(UUID.randomUUID(), "reader"), Map.of("reason", "OTHER", "note", "   "))
                .expect(202);
        // reporting again replaces the reader's earlier report
        report(id, first, Map.of("reason", "OFF_TOPIC", "note", "Not about this post"))
                .expect(202);

        JsonNode item = queueItem("?reported=true", id);
        assertThat(item.path("reports").asInt()).isEqualTo(4);
        JsonNode reasons = item.path("reasons");
        assertThat(reasons.findValuesAsString("reason")).containsExactly("HARASSMENT", "OFF_TOPIC", "OTHER", "SPAM");
        assertThat(reasons.get(0).path("count").asInt()).isEqualTo(1);
        assertThat(reasons.get(0).path("notes").get(0).asString()).isEqualTo("Insults me");
        assertThat(reasons.get(1).path("notes").get(0).asString()).isEqualTo("Not about this post");
        assertThat(reasons.get(2).path("notes")).as("a blank note is no note").isEmpty();
        assertThat(reasons.get(3).path("count").asInt()).isEqualTo(1);
        assertThat(reasons.get(3).path("notes").get(0).asString()).isEqualTo("a link to a shop");

        String second = bearer(UUID.randomUUID(), "reader");
        report(id, second, Map.of("reason", "SPAM", "note", "Spam again")).expect(202);
        JsonNode again = queueItem("?status=APPROVED", id);
        assertThat(again.path("reports").asInt()).isEqualTo(5);
        assertThat(again.path("reasons").get(0).path("reason").asString())
                .as("the most reported reason comes first")
                .isEqualTo("SPAM");
        assertThat(again.path("reasons").get(0).path("count").asInt()).isEqualTo(2);
        assertThat(again.path("reasons").get(0).path("notes").valueStream().map(JsonNode::asString))
                .as("newest note first")
                .containsExactly("Spam again", "a link to a shop");

        String unreported = approvedComment(slug, "A kind word");
        JsonNode quiet = queueItem("?status=APPROVED", unreported);
        assertThat(quiet.path("reports").asInt()).isZero();
        assertThat(quiet.path("reasons")).isEmpty();
    }

    @Test
    void aReportWithoutAKnownReasonOrWithATooLongNoteIsAProblemNamingTheFieldAndChangesNothing() {
        String slug = createPublished(authorToken(), postBody(unique("BadReports"), "body"))
                .path("slug")
                .asString();
        String id = approvedComment(slug, "Something to report");
        String token = bearer(UUID.randomUUID(), "reader");

        assertThat(report(id, token, Map.of()).expectProblem(400).body()).contains("\"field\":\"reason\"");
        assertThat(report(id, token, Map.of("note", "no reason"))
                        .expectProblem(400)
                        .body())
                .contains("\"field\":\"reason\"");
        for (String reason : new String[] {"RUDE", "spam", "", "free text as before"}) {
            JsonNode problem = report(id, token, Map.of("reason", reason))
                    .expectProblem(400)
                    .json();
            assertThat(problem.path("field").asString()).as(reason).isEqualTo("reason");
        }
        assertThat(report(id, token, "{\"reason\":null}").expectProblem(400).body())
                .contains("\"field\":\"reason\"");
        assertThat(report(id, token, Map.of("reason", "SPAM", "note", "x".repeat(501)))
                        .expectProblem(400)
                        .body())
                .contains("\"field\":\"note\"");
        assertThat(report(id, token, Map.of("reason", "SPAM", "note", List.of("a list")))
                        .expectProblem(400)
                        .json()
                        .path("field")
                        .asString())
                .isEqualTo("note");
        assertThat(get("/api/v1/admin/comments?reported=true", editorToken())
                        .json()
                        .findValuesAsString("id"))
                .as("no refused report was stored")
                .doesNotContain(id);

        report(id, null, Map.of("reason", "SPAM")).expectProblem(401);
        report(UUID.randomUUID().toString(), token, Map.of("reason", "SPAM")).expectProblem(404);
        report(id, token, Map.of("reason", "SPAM", "note", "x".repeat(500))).expect(202);
        JsonNode stored = queueItem("?reported=true", id);
        assertThat(stored.path("reasons").get(0).path("notes").get(0).asString())
                .hasSize(500);
        get("/api/v1/admin/comments?reported=true", token).expectProblem(403);
    }

    private String approvedComment(String slug, String body) {
        String id = post(
                        "/api/v1/posts/" + slug + "/comments",
                        bearer(UUID.randomUUID(), "reader"),
                        Map.of("body", body))
                .expect(201)
                .json()
                .path("id")
                .asString();
        post("/api/v1/admin/comments/" + id + "/approve", editorToken(), null).expect(200);
        return id;
    }

    private Response report(String commentId, String token, Object body) {
        return post("/api/v1/comments/" + commentId + "/reports", token, body);
    }

    private JsonNode queueItem(String query, String commentId) {
        for (JsonNode item :
                get("/api/v1/admin/comments" + query, editorToken()).expect(200).json()) {
            if (item.path("comment").path("id").asString().equals(commentId)) {
                return item;
            }
        }
        throw new AssertionError("comment " + commentId + " is not in the queue " + query);
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
