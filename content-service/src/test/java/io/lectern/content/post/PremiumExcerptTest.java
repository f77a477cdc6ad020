package io.lectern.content.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.content.support.ContentApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A premium post's paid body never becomes its public excerpt: the excerpt is the author's own, or the
 * free text before the first premium marker, or nothing; checked on every public surface.
 */
class PremiumExcerptTest extends ContentApiTest {

    @Test
    void premiumPostWithoutExcerptShowsOnlyTheTextBeforeTheMarkerOnEverySurface() {
        String tag = unique("paidtag");
        String title = unique("Paid guide");
        String paidWord = unique("zanzibarsecret").replace("-", "");
        String freeWord = unique("openteaser").replace("-", "");
        JsonHolder post = new JsonHolder(createPublished(
                authorToken(),
                postBody(
                        title,
                        "Intro " + freeWord + " for everyone.\n\n<!-- premium -->\n\nThe paid part: " + paidWord + " "
                                + "detail ".repeat(60),
                        "tags",
                        List.of(tag),
                        "premium",
                        true)));
        String slug = post.slug();

        assertThat(get("/api/v1/posts/" + slug, null)
                        .expect(200)
                        .json()
                        .path("excerpt")
                        .asString())
                .contains(freeWord)
                .doesNotContain(paidWord);
        assertNoPaidText(paidWord, slug, tag);
    }

    @Test
    void premiumPostWithoutExcerptOrMarkerHasAnEmptyExcerptEverywhere() {
        String tag = unique("paidtag");
        String paidWord = unique("paidonly").replace("-", "");
        String slug = new JsonHolder(createPublished(
                        authorToken(),
                        postBody(
                                unique("Paid only"),
                                "Everything here is paid: " + paidWord + " " + "words ".repeat(60),
                                "tags",
                                List.of(tag),
                                "premium",
                                true)))
                .slug();

        assertThat(get("/api/v1/posts/" + slug, null)
                        .expect(200)
                        .json()
                        .path("excerpt")
                        .asString())
                .isEmpty();
        assertNoPaidText(paidWord, slug, tag);
    }

    @Test
    void anExplicitExcerptIsWhatAPremiumPostShows() {
        String slug = new JsonHolder(createPublished(
                        authorToken(),
                        postBody(
                                unique("Paid"), "Secret body " + "x ".repeat(20), "premium", true, "excerpt", "Told.")))
                .slug();
        assertThat(get("/api/v1/posts/" + slug, null)
                        .expect(200)
                        .json()
                        .path("excerpt")
                        .asString())
                .isEqualTo("Told.");
    }

    @Test
    void postWithoutThePremiumFieldIsFreeAndAWrongTypeNamesTheField() {
        Map<String, Object> body = postBody(unique("No flag"), "Body");
        body.remove("premium");
        assertThat(createPost(authorToken(), body).path("premium").asBoolean(true))
                .isFalse();

        Map<String, Object> wrong = postBody(unique("Bad flag"), "Body", "premium", List.of("yes"));
        Response refused = post("/api/v1/admin/posts", authorToken(), wrong).expectProblem(400);
        assertThat(refused.json().path("field").asString()).isEqualTo("premium");
    }

    private void assertNoPaidText(String paidWord, String slug, String tag) {
        assertThat(get("/api/v1/posts?tag=" + tag, null).expect(200).body()).doesNotContain(paidWord);
        assertThat(get("/api/v1/posts", null).expect(200).body()).doesNotContain(paidWord);
        // the answer repeats the query; what matters is that no result carries the paid word
        assertThat(get("/api/v1/search?q=" + paidWord, null)
                        .expect(200)
                        .json()
                        .path("items")
                        .toString())
                .doesNotContain(paidWord);
        for (String feed : List.of("/feed.xml", "/atom.xml", "/api/v1/feeds/rss.xml?tag=" + tag)) {
            String xml = get(feed, null).expect(200).body();
            assertThat(xml).as(feed).contains(slug).doesNotContain(paidWord);
        }
        assertThat(get("/sitemap.xml", null).expect(200).body()).doesNotContain(paidWord);
    }

    private record JsonHolder(tools.jackson.databind.JsonNode node) {
        String slug() {
            return node.path("slug").asString();
        }
    }
}
