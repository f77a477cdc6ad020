package io.lectern.content.series;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.content.support.ContentApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Series, tags and manual redirects. */
class TaxonomyApiTest extends ContentApiTest {

    @Test
    void seriesOrdersItsPostsAndPostsKnowTheirNeighbours() {
        String slug = unique("series");
        JsonNode series = post("/api/v1/admin/series", authorToken(), Map.of("title", "Spring from zero", "slug", slug))
                .expect(201)
                .json();
        String id = series.path("id").asString();
        JsonNode p1 = createPublished(authorToken(), postBody(unique("Part one"), "one"));
        JsonNode p2 = createPublished(authorToken(), postBody(unique("Part two"), "two"));
        JsonNode p3 = createPublished(authorToken(), postBody(unique("Part three"), "three"));
        JsonNode ordered = put(
                        "/api/v1/admin/series/" + id + "/posts",
                        authorToken(),
                        Map.of(
                                "postIds",
                                List.of(
                                        p1.path("id").asString(),
                                        p2.path("id").asString(),
                                        p3.path("id").asString())))
                .expect(200)
                .json();
        assertThat(ordered.path("posts")).hasSize(3);

        JsonNode page = get("/api/v1/series/" + slug, null).expect(200).json();
        assertThat(page.path("posts").get(0).path("slug").asString())
                .isEqualTo(p1.path("slug").asString());
        assertThat(page.path("posts").get(2).path("position").asInt()).isEqualTo(3);

        JsonNode middle = get("/api/v1/posts/" + p2.path("slug").asString(), null)
                .expect(200)
                .json();
        assertThat(middle.path("series").path("previous").path("slug").asString())
                .isEqualTo(p1.path("slug").asString());
        assertThat(middle.path("series").path("next").path("slug").asString())
                .isEqualTo(p3.path("slug").asString());
        assertThat(get("/api/v1/posts/" + p1.path("slug").asString(), null)
                        .json()
                        .path("series")
                        .path("previous")
                        .isNull())
                .isTrue();

        put("/api/v1/admin/series/" + id + "/posts", bearer(otherAuthor, "author"), Map.of("postIds", List.of()))
                .expectProblem(403);
        post("/api/v1/admin/series", authorToken(), Map.of("title", "Again", "slug", slug))
                .expectProblem(409);

        String renamed = unique("renamed-series");
        put("/api/v1/admin/series/" + id, authorToken(), Map.of("title", "Spring from zero", "slug", renamed))
                .expect(200);
        assertThat(get("/api/v1/series/" + slug, null).expect(301).header("Location"))
                .isEqualTo("/api/v1/series/" + renamed);
        get("/api/v1/series/" + unique("nope"), null).expectProblem(404);
        delete("/api/v1/admin/series/" + id, authorToken()).expect(204);
        get("/api/v1/series/" + renamed, null).expectProblem(404);
        assertThat(get("/api/v1/posts/" + p2.path("slug").asString(), null)
                        .json()
                        .path("series")
                        .isNull())
                .isTrue();
    }

    @Test
    void mergingDuplicateTagsRetagsPostsAndRedirectsTheOldSlug() {
        String js = unique("js");
        String javascript = unique("javascript");
        post("/api/v1/admin/tags", authorToken(), Map.of("name", "JS", "slug", js))
                .expect(201);
        post("/api/v1/admin/tags", authorToken(), Map.of("name", "JavaScript", "slug", javascript))
                .expect(201);
        post("/api/v1/admin/tags", authorToken(), Map.of("name", "JS", "slug", js))
                .expectProblem(409);
        JsonNode a = createPublished(authorToken(), postBody(unique("A"), "a", "tags", List.of(js)));
        JsonNode b = createPublished(authorToken(), postBody(unique("B"), "b", "tags", List.of(js, javascript)));
        createPublished(authorToken(), postBody(unique("C"), "c", "tags", List.of(javascript)));

        post("/api/v1/admin/tags/" + js + "/merge", authorToken(), Map.of("into", javascript))
                .expectProblem(403);
        post("/api/v1/admin/tags/" + js + "/merge", editorToken(), Map.of("into", unique("missing")))
                .expectProblem(422);
        JsonNode merged = post("/api/v1/admin/tags/" + js + "/merge", editorToken(), Map.of("into", javascript))
                .expect(200)
                .json();
        assertThat(merged.path("publishedPosts").asInt()).isEqualTo(3);

        for (JsonNode p : List.of(a, b)) {
            JsonNode view =
                    get("/api/v1/posts/" + p.path("slug").asString(), null).json();
            assertThat(view.path("tags").findValuesAsString("slug")).containsExactly(javascript);
        }
        assertThat(get("/api/v1/tags/" + js, null).expect(301).header("Location"))
                .isEqualTo("/api/v1/tags/" + javascript);
        JsonNode list = get("/api/v1/tags", null).expect(200).json();
        boolean found = false;
        for (JsonNode t : list) {
            assertThat(t.path("slug").asString()).isNotEqualTo(js);
            if (t.path("slug").asString().equals(javascript)) {
                found = true;
                assertThat(t.path("publishedPosts").asInt()).isEqualTo(3);
            }
        }
        assertThat(found).isTrue();
        get("/api/v1/tags/" + unique("never"), null).expectProblem(404);
    }

    @Test
    void manualRedirectsCollapseChainsAndRefuseLoops() {
        String target = createPublished(authorToken(), postBody(unique("Target"), "t"))
                .path("slug")
                .asString();
        String legacy = unique("legacy");
        String older = unique("older");
        post("/api/v1/admin/redirects", authorToken(), Map.of("kind", "POST", "fromSlug", legacy, "toSlug", target))
                .expectProblem(403);
        post("/api/v1/admin/redirects", editorToken(), Map.of("kind", "POST", "fromSlug", legacy, "toSlug", target))
                .expect(201);
        JsonNode chained = post(
                        "/api/v1/admin/redirects",
                        editorToken(),
                        Map.of("kind", "POST", "fromSlug", older, "toSlug", legacy))
                .expect(201)
                .json();
        assertThat(chained.path("toSlug").asString()).isEqualTo(target);
        assertThat(get("/api/v1/posts/" + older, null).expect(301).header("Location"))
                .isEqualTo("/api/v1/posts/" + target);
        post("/api/v1/admin/redirects", editorToken(), Map.of("kind", "POST", "fromSlug", target, "toSlug", legacy))
                .expectProblem(422);
        post(
                        "/api/v1/admin/redirects",
                        editorToken(),
                        Map.of("kind", "POST", "fromSlug", unique("x"), "toSlug", unique("nowhere")))
                .expectProblem(422);
        String id = chained.path("id").asString();
        delete("/api/v1/admin/redirects/" + id, editorToken()).expect(204);
        get("/api/v1/posts/" + older, null).expectProblem(404);
    }
}
