package io.lectern.content.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.content.support.ContentApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class PostApiTest extends ContentApiTest {

    @Autowired
    ScheduledPublication scheduler;

    @Autowired
    JdbcClient jdbc;

    @Test
    void draftIsInvisibleUntilPublishedThenServedAsSanitisedHtml() {
        String slug = unique("hello");
        JsonNode draft = createPost(
                authorToken(),
                postBody(
                        "Hello world",
                        "# Hi\n\nText <script>alert(1)</script> [x](javascript:alert(1))",
                        "slug",
                        slug));
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("readingMinutes").asInt()).isEqualTo(1);
        get("/api/v1/posts/" + slug, null).expectProblem(404);

        post("/api/v1/admin/posts/" + draft.path("id").asString() + "/publish", authorToken(), null)
                .expect(200);
        JsonNode published = get("/api/v1/posts/" + slug, null).expect(200).json();
        Document html = Jsoup.parseBodyFragment(published.path("html").asString());
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("h1#hi")).hasSize(1);
        assertThat(published.path("html").asString()).doesNotContain("javascript:");
        assertThat(published.path("bodyIncluded").asBoolean()).isTrue();
        assertThat(published.path("seo").path("metaTitle").asString()).isEqualTo("Hello world");
        assertThat(published.path("excerpt").asString()).startsWith("Hi Text");
    }

    @Test
    void unknownSlugIs404Problem() {
        get("/api/v1/posts/" + unique("nothing-here"), null).expectProblem(404);
    }

    @Test
    void duplicateSlugIs409AndNothingIsWritten() {
        String slug = unique("dup");
        createPost(authorToken(), postBody("First", "body", "slug", slug));
        post("/api/v1/admin/posts", authorToken(), postBody("Second", "other body", "slug", slug))
                .expectProblem(409);
        assertThat(jdbc.sql("select count(*) from post where title = 'Second' and slug = :s")
                        .param("s", slug)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void badBodiesAreProblemsNotPartialWrites() {
        String title = unique("too-big");
        post("/api/v1/admin/posts", authorToken(), postBody(title, "x".repeat(200_001)))
                .expectProblem(413);
        post("/api/v1/admin/posts", authorToken(), postBody(title, "   ")).expectProblem(422);
        post("/api/v1/admin/posts", authorToken(), postBody("t".repeat(201), "body"))
                .expectProblem(422);
        post("/api/v1/admin/posts", authorToken(), postBody(title, "body", "slug", "Not A Slug!"))
                .expectProblem(422);
        post("/api/v1/admin/posts", authorToken(), postBody(title, "body", "socialImageUrl", "javascript:alert(1)"))
                .expectProblem(422);
        post("/api/v1/admin/posts", authorToken(), Map.of("markdown", "no title"))
                .expectProblem(400);
        post("/api/v1/admin/posts", authorToken(), "{not json").expectProblem(400);
        assertThat(jdbc.sql("select count(*) from post where title = :t")
                        .param("t", title)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void readersCannotWriteAndAuthorsCannotTouchOthersPosts() {
        post("/api/v1/admin/posts", readerToken(), postBody("Nope", "body")).expectProblem(403);
        JsonNode mine = createPost(authorToken(), postBody(unique("Mine"), "body"));
        String id = mine.path("id").asString();
        String other = bearer(otherAuthor, "author");
        put("/api/v1/admin/posts/" + id, other, postBody("Hijacked", "evil")).expectProblem(403);
        post("/api/v1/admin/posts/" + id + "/publish", other, null).expectProblem(403);
        delete("/api/v1/admin/posts/" + id, other).expectProblem(403);
        get("/api/v1/admin/posts/" + id, other).expectProblem(403);
        JsonNode edited = put("/api/v1/admin/posts/" + id, editorToken(), postBody("Edited by editor", "new body"))
                .expect(200)
                .json();
        assertThat(edited.path("title").asString()).isEqualTo("Edited by editor");
        assertThat(edited.path("authorId").asString()).isEqualTo(author.toString());
    }

    @Test
    void premiumBodyOnlyForPremiumReadersAndStaff() {
        String slug = unique("premium");
        createPublished(
                authorToken(),
                postBody(
                        "Secret sauce",
                        "A free word first.\n\n<!-- premium -->\n\nThe secret is **butter**.",
                        "slug",
                        slug,
                        "premium",
                        true));
        for (String token : new String[] {null, readerToken()}) {
            JsonNode view = get("/api/v1/posts/" + slug, token).expect(200).json();
            assertThat(view.path("premium").asBoolean()).isTrue();
            assertThat(view.path("bodyIncluded").asBoolean()).isFalse();
            assertThat(view.path("html").isNull()).isTrue();
            assertThat(view.toString()).doesNotContain("butter</strong>");
            assertThat(view.path("excerpt").asString()).isEqualTo("A free word first.");
        }
        assertThat(get("/api/v1/posts/" + slug, premium(reader))
                        .expect(200)
                        .json()
                        .path("html")
                        .asString())
                .contains("<strong>butter</strong>");
        assertThat(get("/api/v1/posts/" + slug, editorToken())
                        .expect(200)
                        .json()
                        .path("bodyIncluded")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void schedulingInThePastIs422AndDuePostsArePublishedByTheJob() {
        JsonNode draft = createPost(authorToken(), postBody(unique("Later"), "body"));
        String id = draft.path("id").asString();
        post("/api/v1/admin/posts/" + id + "/schedule", authorToken(), Map.of("publishAt", "2020-01-01T00:00:00Z"))
                .expectProblem(422);
        Instant at = Instant.now().plusSeconds(1);
        JsonNode scheduled = post(
                        "/api/v1/admin/posts/" + id + "/schedule", authorToken(), Map.of("publishAt", at.toString()))
                .expect(200)
                .json();
        assertThat(scheduled.path("status").asString()).isEqualTo("SCHEDULED");
        get("/api/v1/posts/" + draft.path("slug").asString(), null).expectProblem(404);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    scheduler.publishDuePosts();
                    get("/api/v1/posts/" + draft.path("slug").asString(), null).expect(200);
                });
    }

    @Test
    void slugChangesRedirectInOneHopWithoutLoops() {
        String a = unique("a");
        String b = unique("b");
        String c = unique("c");
        JsonNode created = createPublished(authorToken(), postBody("Moving", "body", "slug", a));
        String id = created.path("id").asString();
        put("/api/v1/admin/posts/" + id, authorToken(), postBody("Moving", "body", "slug", b))
                .expect(200);
        put("/api/v1/admin/posts/" + id, authorToken(), postBody("Moving", "body", "slug", c))
                .expect(200);

        Response old = get("/api/v1/posts/" + a, null).expect(301);
        assertThat(old.header("Location")).isEqualTo("/api/v1/posts/" + c);
        assertThat(old.json().path("slug").asString()).isEqualTo(c);
        assertThat(get("/api/v1/posts/" + b, null).expect(301).header("Location"))
                .isEqualTo("/api/v1/posts/" + c);

        put("/api/v1/admin/posts/" + id, authorToken(), postBody("Moving", "body", "slug", a))
                .expect(200);
        get("/api/v1/posts/" + a, null).expect(200);
        assertThat(get("/api/v1/posts/" + c, null).expect(301).header("Location"))
                .isEqualTo("/api/v1/posts/" + a);
        assertThat(jdbc.sql("select count(*) from redirect where kind = 'POST' and from_slug = :a")
                        .param("a", a)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aDeletedPostsSlugAndOldSlugsAnswer410UntilUsedAgainWhileADeletedDraftLeavesNothing() {
        String old = unique("was");
        String current = unique("gone");
        String id = createPublished(authorToken(), postBody("Doomed", "body", "slug", old))
                .path("id")
                .asString();
        put("/api/v1/admin/posts/" + id, authorToken(), postBody("Doomed", "body", "slug", current))
                .expect(200);
        delete("/api/v1/admin/posts/" + id, authorToken()).expect(204);

        Response gone = get("/api/v1/posts/" + current, null).expectProblem(410);
        assertThat(gone.json().path("detail").asString()).isEqualTo("Post '" + current + "' was deleted.");
        get("/api/v1/posts/" + old, null).expectProblem(410);
        get("/api/v1/posts/" + current, readerToken()).expectProblem(410);

        String draft = unique("draft");
        String draftId = createPost(authorToken(), postBody("Never shown", "body", "slug", draft))
                .path("id")
                .asString();
        delete("/api/v1/admin/posts/" + draftId, authorToken()).expect(204);
        get("/api/v1/posts/" + draft, null).expectProblem(404);

        // a post taking the slug again is live there; a redirect made from a gone slug wins over it
        createPublished(authorToken(), postBody("Reborn", "body", "slug", current));
        get("/api/v1/posts/" + current, null).expect(200);
        post("/api/v1/admin/redirects", editorToken(), Map.of("kind", "POST", "fromSlug", old, "toSlug", current))
                .expect(201);
        assertThat(get("/api/v1/posts/" + old, null).expect(301).header("Location"))
                .isEqualTo("/api/v1/posts/" + current);
        assertThat(jdbc.sql("select count(*) from gone_slug where kind = 'POST' and slug = :s")
                        .param("s", current)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void listFiltersAndCursorPaginationVisitEveryPostOnce() {
        String tag = unique("pagetag");
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            expected.add(createPublished(
                            authorToken(),
                            postBody(unique("Paged " + i), "body", "tags", List.of(tag), "difficulty", "ADVANCED"))
                    .path("slug")
                    .asString());
        }
        createPublished(authorToken(), postBody(unique("Other"), "body", "tags", List.of(tag), "premium", true));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(
                            "/api/v1/posts?tag=" + tag + "&difficulty=ADVANCED&premium=false&limit=2"
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            null)
                    .expect(200)
                    .json();
            page.path("items").forEach(item -> {
                seen.add(item.path("slug").asString());
                assertThat(item.has("html")).isFalse();
            });
            cursor = page.path("nextCursor").isNull()
                    ? null
                    : page.path("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(expected);
        get("/api/v1/posts?cursor=garbage", null).expectProblem(400);
        JsonNode drafts = get("/api/v1/admin/posts?status=PUBLISHED&tag=" + tag, authorToken())
                .expect(200)
                .json();
        assertThat(drafts.path("items")).hasSize(6);
        assertThat(get("/api/v1/admin/posts?tag=" + tag, bearer(otherAuthor, "author"))
                        .expect(200)
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void revisionsAreKeptAndCanBeRestored() {
        JsonNode created = createPost(authorToken(), postBody("Version one", "first body"));
        String id = created.path("id").asString();
        put("/api/v1/admin/posts/" + id, authorToken(), postBody("Version two", "second body"))
                .expect(200);
        JsonNode revisions = get("/api/v1/admin/posts/" + id + "/revisions", authorToken())
                .expect(200)
                .json();
        assertThat(revisions).hasSize(2);
        JsonNode restored = post("/api/v1/admin/posts/" + id + "/revisions/1/restore", authorToken(), null)
                .expect(200)
                .json();
        assertThat(restored.path("title").asString()).isEqualTo("Version one");
        assertThat(restored.path("markdown").asString()).isEqualTo("first body");
        assertThat(get("/api/v1/admin/posts/" + id + "/revisions", authorToken())
                        .json())
                .hasSize(3);
        post("/api/v1/admin/posts/" + id + "/revisions/99/restore", authorToken(), null)
                .expectProblem(404);
    }

    @Test
    void staleVersionIs409() {
        JsonNode created = createPost(authorToken(), postBody("Versioned", "body"));
        String id = created.path("id").asString();
        put("/api/v1/admin/posts/" + id, authorToken(), postBody("Versioned 2", "body", "version", 0))
                .expect(200);
        put("/api/v1/admin/posts/" + id, authorToken(), postBody("Versioned 3", "body", "version", 0))
                .expectProblem(409);
    }
}
