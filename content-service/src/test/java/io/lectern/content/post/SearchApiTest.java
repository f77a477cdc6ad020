package io.lectern.content.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.content.support.ContentApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SearchApiTest extends ContentApiTest {

    private JsonNode search(String q, String token) {
        return get("/api/v1/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), token)
                .expect(200)
                .json()
                .path("items");
    }

    @Test
    void expectedPostComesFirstForTitleWordsBodyWordsAndStemmedForms() {
        String marker = "zq" + unique("x").substring(2, 10).replace("-", "");
        String titled = createPublished(
                        authorToken(), postBody("Kubernetes operators " + marker, "A post about controllers."))
                .path("slug")
                .asString();
        createPublished(authorToken(), postBody("Other " + marker, "Mentions kubernetes once in passing."));
        String bodied = createPublished(
                        authorToken(),
                        postBody(
                                "Unrelated title " + marker,
                                "Deep dive: we were refactoring legacy schedulers all week."))
                .path("slug")
                .asString();

        assertThat(search("kubernetes " + marker, null).get(0).path("slug").asString())
                .isEqualTo(titled);
        JsonNode stemmed = search("refactored scheduler " + marker, null);
        assertThat(stemmed.get(0).path("slug").asString()).isEqualTo(bodied);
        assertThat(stemmed.get(0).path("snippet").asString()).contains("<mark>");
        get("/api/v1/search?q=", null).expectProblem(400);
    }

    /**
     * More matches than the ranking window (SearchController.RANK_WINDOW, 100): the window holds the
     * title/tag/excerpt matches best first and then the most recent body-only matches (ADR 0034), built
     * from the head index and the newest matches (ADR 0036). The title match is the oldest post, so only
     * the head part can find it; the body-only posts have another excerpt, so only the recent part can.
     */
    @Test
    void aQueryMatchingMoreThanTheWindowKeepsTheTitleMatchAndTheNewestBodyMatches() {
        String marker = "wq" + unique("x").substring(2, 10).replace("-", "");
        String titled = createPublished(authorToken(), postBody("Notes on " + marker, "Nothing more to say."))
                .path("slug")
                .asString();
        List<String> bodyOnly = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            bodyOnly.add(createPublished(
                            authorToken(),
                            postBody(
                                    "Field report " + i,
                                    "Somewhere in this text the word " + marker + " appears once.",
                                    "excerpt",
                                    "A short field report."))
                    .path("slug")
                    .asString());
        }

        JsonNode hits = search(marker, null);
        assertThat(hits).hasSize(20);
        assertThat(hits.get(0).path("slug").asString()).isEqualTo(titled);
        List<String> newestFirst = new ArrayList<>(bodyOnly.reversed());
        assertThat(hits.findValuesAsString("slug").subList(1, 20))
                .containsExactlyElementsOf(newestFirst.subList(0, 19));
    }

    /**
     * The window's edge (ADR 0034, 0037): with 99 posts matching in the head, the newest body-only match
     * still enters the window, and its many mentions rank it first on the whole vector; with a 100th
     * head match the head fills the window and no body-only post can enter it, however well its body
     * ranks (ADR 0037 then does not even look for the newest matches).
     */
    @Test
    void aBodyOnlyMatchEntersTheWindowOnlyWhileTheHeadMatchesDoNotFillIt() {
        String marker = "hq" + unique("x").substring(2, 10).replace("-", "");
        for (int i = 0; i < 99; i++) { // one fewer than SearchController.RANK_WINDOW
            createPublished(
                    authorToken(), postBody("Head match " + i, "Nothing here.", "excerpt", "About " + marker + "."));
        }
        String heavy = createPublished(
                        authorToken(),
                        postBody("Field notes", (marker + " ").repeat(40), "excerpt", "A short field report."))
                .path("slug")
                .asString();

        assertThat(search(marker, null).get(0).path("slug").asString()).isEqualTo(heavy);

        createPublished(authorToken(), postBody("Head match 99", "Nothing here.", "excerpt", "About " + marker + "."));

        JsonNode hits = search(marker, null);
        assertThat(hits).hasSize(20);
        assertThat(hits.findValuesAsString("slug")).doesNotContain(heavy);
    }

    @Test
    void premiumBodiesAreSearchableOnlyForPremiumReaders() {
        String word = "xylo" + unique("w").substring(2, 8).replace("-", "");
        String slug = createPublished(
                        authorToken(),
                        postBody(
                                "Members only",
                                "Teaser. " + "pad ".repeat(100) + word,
                                "premium",
                                true,
                                "excerpt",
                                "A teaser"))
                .path("slug")
                .asString();
        assertThat(search(word, null)).isEmpty();
        assertThat(search(word, readerToken())).isEmpty();
        JsonNode premiumHits = search(word, premium(reader));
        assertThat(premiumHits.findValuesAsString("slug")).containsExactly(slug);
        assertThat(search("Members only teaser", null).findValuesAsString("slug"))
                .contains(slug);
    }
}
