package io.lectern.content.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.content.support.ContentApiTest;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The editor's live preview, and the revision text the editor's diff compares with. */
class PostPreviewTest extends ContentApiTest {

    private static final String PREVIEW = "/api/v1/admin/posts/preview";

    @Test
    void previewIsTheSanitisedHtmlSavingWouldProduceAndStoresNothing() {
        String markdown = "# Preview heading\n\nText <script>alert('x')</script> <img src=x onerror=alert(1)>"
                + " [link](javascript:alert(1))\n\n" + "word ".repeat(500);
        JsonNode preview = post(PREVIEW, authorToken(), Map.of("markdown", markdown))
                .expect(200)
                .json();

        String html = preview.path("html").asString();
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("h1#preview-heading").text()).isEqualTo("Preview heading");
        assertThat(doc.select("script")).isEmpty();
        assertThat(html).doesNotContain("alert('x')").doesNotContain("onerror").doesNotContain("javascript:");
        assertThat(preview.path("readingMinutes").asInt()).isEqualTo(3);

        // exactly what a saved post gets
        JsonNode saved = createPost(authorToken(), postBody(unique("Preview equals save"), markdown));
        assertThat(saved.path("html").asString()).isEqualTo(html);
        assertThat(saved.path("readingMinutes").asInt()).isEqualTo(3);
    }

    @Test
    void editorsPreviewToo() {
        post(PREVIEW, editorToken(), Map.of("markdown", "plain")).expect(200);
        post(PREVIEW, bearer(editor, "admin"), Map.of("markdown", "")).expect(200);
    }

    @Test
    void missingOrOversizedMarkdownIsA400NamingTheField() {
        JsonNode missing =
                post(PREVIEW, authorToken(), Map.of()).expectProblem(400).json();
        assertThat(missing.path("errors").get(0).path("field").asString()).isEqualTo("markdown");

        JsonNode nullMarkdown = post(PREVIEW, authorToken(), "{\"markdown\":null}")
                .expectProblem(400)
                .json();
        assertThat(nullMarkdown.path("errors").get(0).path("field").asString()).isEqualTo("markdown");

        JsonNode tooBig = post(PREVIEW, authorToken(), Map.of("markdown", "x".repeat(200_001)))
                .expectProblem(400)
                .json();
        assertThat(tooBig.path("field").asString()).isEqualTo("markdown");
        assertThat(tooBig.path("errors").get(0).path("field").asString()).isEqualTo("markdown");
        assertThat(tooBig.path("limit").asInt()).isEqualTo(200_000);
        assertThat(tooBig.path("detail").asString()).contains("200001");
    }

    @Test
    void readersAndAnonymousCallersMayNotPreview() {
        post(PREVIEW, readerToken(), Map.of("markdown", "x")).expectProblem(403);
        post(PREVIEW, null, Map.of("markdown", "x")).expectProblem(401);
    }

    @Test
    void aRevisionsTextIsReadableByItsAuthorOnly() {
        JsonNode created = createPost(authorToken(), postBody(unique("Revised"), "first text"));
        String id = created.path("id").asString();
        put(
                        "/api/v1/admin/posts/" + id,
                        authorToken(),
                        postBody(
                                created.path("title").asString(),
                                "second text",
                                "version",
                                created.path("version").asLong()))
                .expect(200);

        JsonNode first = get("/api/v1/admin/posts/" + id + "/revisions/1", authorToken())
                .expect(200)
                .json();
        assertThat(first.path("revision").asInt()).isEqualTo(1);
        assertThat(first.path("markdown").asString()).isEqualTo("first text");
        assertThat(get("/api/v1/admin/posts/" + id + "/revisions/2", authorToken())
                        .expect(200)
                        .json()
                        .path("markdown")
                        .asString())
                .isEqualTo("second text");
        get("/api/v1/admin/posts/" + id + "/revisions/99", authorToken()).expectProblem(404);
        get("/api/v1/admin/posts/" + id + "/revisions/1", bearer(otherAuthor, "author"))
                .expectProblem(403);
        get("/api/v1/admin/posts/" + id + "/revisions/1", editorToken()).expect(200);
    }
}
