package io.lectern.content.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.content.support.ContentApiTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class TransferApiTest extends ContentApiTest {

    private final UUID admin = UUID.randomUUID();

    @Autowired
    JdbcClient jdbc;

    private String adminToken() {
        return bearer(admin, "admin");
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Response importMarkdown(byte[] zip, String query) {
        return sendRaw("/api/v1/admin/import/markdown" + query, adminToken(), "application/zip", zip);
    }

    private boolean exists(String slug) {
        return jdbc.sql("select exists (select 1 from post where slug = :s)")
                .param("s", slug)
                .query(Boolean.class)
                .single();
    }

    @Test
    void markdownFilesBecomePostsThroughTheDomainWithTheirFrontMatter() {
        String slug = unique("imported");
        String series = unique("imported-series");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("blog/" + slug + ".md", utf8("""
                ---
                title: "Imported: Rust lifetimes"
                slug: %s
                date: 2023-03-14T15:09:26Z
                tags: [Rust, "Memory Safety"]
                series: %s
                series_position: 2
                excerpt: Borrowing without tears.
                premium: true
                difficulty: advanced
                layout: post
                ---
                # Lifetimes

                Body text <script>alert('xss')</script> with a [link](javascript:alert(1)).
                """.formatted(slug, series)));
        files.put("blog/draft-" + slug + ".md", utf8("""
                ---
                title: A draft from Jekyll
                slug: draft-%s
                draft: true
                tags: rust, drafts
                ---
                Not ready.
                """.formatted(slug)));
        JsonNode result = importMarkdown(zip(files), "").expect(200).json();
        assertThat(result.path("imported")).hasSize(2);
        assertThat(result.path("skipped")).isEmpty();

        JsonNode post =
                get("/api/v1/posts/" + slug, premium(reader)).expect(200).json();
        assertThat(post.path("title").asString()).isEqualTo("Imported: Rust lifetimes");
        assertThat(post.path("publishedAt").asString()).isEqualTo("2023-03-14T15:09:26Z");
        assertThat(post.path("premium").asBoolean()).isTrue();
        assertThat(post.path("difficulty").asString()).isEqualTo("ADVANCED");
        assertThat(post.path("excerpt").asString()).isEqualTo("Borrowing without tears.");
        assertThat(post.path("tags").findValuesAsString("slug")).containsExactlyInAnyOrder("rust", "memory-safety");
        assertThat(post.path("series").path("slug").asString()).isEqualTo(series);
        assertThat(post.path("series").path("position").asInt()).isEqualTo(2);
        // The editor's sanitiser ran: no script, no javascript: link.
        assertThat(post.path("html").asString())
                .contains("<h1")
                .doesNotContain("<script")
                .doesNotContain("javascript:");

        get("/api/v1/posts/draft-" + slug, null).expectProblem(404);
        assertThat(exists("draft-" + slug)).isTrue();
        // Content events apply: the published post was announced, the draft was not.
        assertThat(jdbc.sql(
                                "select count(*) from outbox where type = 'content.post-published.v1' and payload->>'slug' = :s")
                        .param("s", slug)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox where payload->>'slug' = :s")
                        .param("s", "draft-" + slug)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aFailedImportWritesNothingAndListsEveryBadFile() {
        String good = unique("good");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(good + ".md", utf8("---\ntitle: Fine\nslug: " + good + "\n---\nFine body.\n"));
        files.put("no-front-matter.md", utf8("# Just Markdown\n"));
        files.put("bad-difficulty.md", utf8("---\ntitle: Hard\ndifficulty: impossible\n---\nBody\n"));
        files.put("empty-body.md", utf8("---\ntitle: Empty " + good + "\n---\n\n"));
        files.put("bad-yaml.md", utf8("---\ntitle: [unclosed\n---\nBody\n"));
        JsonNode problem = importMarkdown(zip(files), "").expectProblem(422).json();
        assertThat(problem.path("errors").findValuesAsString("file"))
                .containsExactlyInAnyOrder("no-front-matter.md", "bad-difficulty.md", "empty-body.md", "bad-yaml.md");
        assertThat(problem.path("errors").findValuesAsString("field")).contains("difficulty", "markdown");
        assertThat(exists(good)).isFalse();
        assertThat(jdbc.sql("select count(*) from post where title like :t")
                        .param("t", "Empty " + good)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void reImportingASlugConflictsPerFileUnlessAskedToSkip() {
        String a = unique("again-a");
        String b = unique("again-b");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(a + ".md", utf8("---\ntitle: Again A\nslug: " + a + "\n---\nA\n"));
        files.put(b + ".md", utf8("---\ntitle: Again B\nslug: " + b + "\n---\nB\n"));
        byte[] archive = zip(files);
        importMarkdown(archive, "").expect(200);

        JsonNode conflict = importMarkdown(archive, "").expectProblem(409).json();
        assertThat(conflict.path("errors").findValuesAsString("file")).containsExactlyInAnyOrder(a + ".md", b + ".md");

        String c = unique("again-c");
        files.put(c + ".md", utf8("---\ntitle: Again C\nslug: " + c + "\n---\nC\n"));
        JsonNode skipped =
                importMarkdown(zip(files), "?onConflict=skip").expect(200).json();
        assertThat(skipped.path("skipped").findValuesAsString("slug")).containsExactlyInAnyOrder(a, b);
        assertThat(skipped.path("imported").findValuesAsString("slug")).containsExactly(c);
        importMarkdown(archive, "?onConflict=overwrite").expectProblem(400);

        // Two files of one import claiming one slug.
        Map<String, byte[]> twins = new LinkedHashMap<>();
        String twin = unique("twin");
        twins.put("one.md", utf8("---\ntitle: One\nslug: " + twin + "\n---\n1\n"));
        twins.put("two.md", utf8("---\ntitle: Two\nslug: " + twin + "\n---\n2\n"));
        JsonNode twinProblem = importMarkdown(zip(twins), "").expectProblem(409).json();
        assertThat(twinProblem.path("errors").findValuesAsString("file")).containsExactly("two.md");
        assertThat(exists(twin)).isFalse();
    }

    @Test
    void unsafeArchivesAreRefusedBeforeAnythingIsWritten() {
        String slug = unique("safe");
        byte[] fine = utf8("---\ntitle: Safe\nslug: " + slug + "\n---\nBody\n");
        for (String bad :
                List.of("../escape.md", "/etc/passwd.md", "C:\\evil.md", "a/../../b.md", "run.sh", "page.html")) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(slug + ".md", fine);
            files.put(bad, utf8("---\ntitle: x\n---\nx\n"));
            JsonNode problem = importMarkdown(zip(files), "").expectProblem(422).json();
            assertThat(problem.path("refused").get(0).asString()).isEqualTo(bad);
        }
        // A zip bomb: 5 MB of zeros compresses to a few KB but inflates past the 4 MB entry limit.
        importMarkdown(zip(Map.of("bomb.md", new byte[5 * 1024 * 1024])), "").expectProblem(413);
        // Many entries, each under the limit, together past the 100 MB total.
        Map<String, byte[]> many = new LinkedHashMap<>();
        byte[] three = new byte[3 * 1024 * 1024];
        for (int i = 0; i < 35; i++) {
            many.put("part-" + i + ".md", three);
        }
        importMarkdown(zip(many), "").expectProblem(413);
        // More entries than allowed.
        Map<String, byte[]> crowd = new LinkedHashMap<>();
        for (int i = 0; i < 2001; i++) {
            crowd.put("p" + i + ".md", fine);
        }
        importMarkdown(zip(crowd), "").expectProblem(413);
        importMarkdown(utf8("this is not a zip"), "").expectProblem(422);
        importMarkdown(zip(Map.of("latin1.md", new byte[] {'-', '-', '-', '\n', (byte) 0xe9, '\n'})), "")
                .expectProblem(422);
        assertThat(exists(slug)).isFalse();
    }

    @Test
    void importAndExportAreForAdminsOnly() {
        byte[] archive = zip(Map.of("x.md", utf8("---\ntitle: X\n---\nX\n")));
        for (String token : List.of(readerToken(), authorToken(), editorToken())) {
            sendRaw("/api/v1/admin/import/markdown", token, "application/zip", archive)
                    .expectProblem(403);
            sendRaw("/api/v1/admin/import/ghost", token, "application/json", utf8("{}"))
                    .expectProblem(403);
            get("/api/v1/admin/export", token).expectProblem(403);
        }
        sendRaw("/api/v1/admin/import/markdown", null, "application/zip", archive)
                .expectProblem(401);
        sendRaw("/api/v1/admin/import/markdown", adminToken(), "text/plain", archive)
                .expectProblem(415);
    }

    @Test
    void aGhostExportBecomesPostsWithTagsExcerptsAndVisibility() throws IOException {
        byte[] ghost;
        try (InputStream in = getClass().getResourceAsStream("/transfer/ghost-export.json")) {
            ghost = in.readAllBytes();
        }
        JsonNode result = sendRaw("/api/v1/admin/import/ghost", adminToken(), "application/json", ghost)
                .expect(200)
                .json();
        assertThat(result.path("imported").findValuesAsString("slug"))
                .containsExactlyInAnyOrder(
                        "ghost-kafka-consumer-groups", "ghost-exactly-once", "ghost-old-markdown-post");

        JsonNode kafka = get("/api/v1/admin/posts/" + idOf("ghost-kafka-consumer-groups"), adminToken())
                .expect(200)
                .json();
        assertThat(kafka.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(kafka.path("publishedAt").asString()).isEqualTo("2024-04-30T08:00:00Z");
        assertThat(kafka.path("excerpt").asString())
                .isEqualTo("How Kafka spreads partitions over the consumers of a group.");
        // Tags in Ghost's order, internal (#) tags left out.
        assertThat(kafka.path("tags").findValuesAsString("name"))
                .containsExactlyInAnyOrder("Kafka", "Distributed Systems");
        assertThat(kafka.path("seo").path("metaTitle").asString()).isEqualTo("Kafka consumer groups explained");
        assertThat(kafka.path("seo").path("socialImageUrl").asString())
                .isEqualTo("https://images.example.com/kafka-cover.jpg");
        String markdown = kafka.path("markdown").asString();
        assertThat(markdown)
                .contains("## Rebalancing")
                .contains("**consumers**")
                .contains("[the docs](https://kafka.apache.org/documentation/)")
                .contains("- the group coordinator notices")
                .contains("```java\nconsumer.subscribe(List.of(\"orders\"));")
                .contains("![Group diagram](https://images.example.com/groups.png)")
                .contains("> Never share a consumer between threads.")
                .doesNotContain("<script");
        assertThat(kafka.path("html").asString())
                .contains("<h2")
                .contains("<pre>")
                .doesNotContain("alert(");

        JsonNode paid =
                get("/api/v1/posts/ghost-exactly-once", null).expect(200).json();
        assertThat(paid.path("premium").asBoolean()).isTrue();
        assertThat(paid.path("tags").findValuesAsString("name")).containsExactly("Kafka");

        JsonNode old = get("/api/v1/admin/posts/" + idOf("ghost-old-markdown-post"), adminToken())
                .expect(200)
                .json();
        assertThat(old.path("status").asString()).isEqualTo("DRAFT");
        assertThat(old.path("markdown").asString()).isEqualTo("# Hello from 2017\n\nThis was *written* in Markdown.");
        assertThat(exists("ghost-about")).isFalse(); // a page

        // Importing it again conflicts per post; skipping imports nothing new.
        JsonNode again = sendRaw("/api/v1/admin/import/ghost", adminToken(), "application/json", ghost)
                .expectProblem(409)
                .json();
        assertThat(again.path("errors")).hasSize(3);
        sendRaw("/api/v1/admin/import/ghost?onConflict=skip", adminToken(), "application/json", ghost)
                .expect(200);
        sendRaw("/api/v1/admin/import/ghost", adminToken(), "application/json", utf8("{\"db\":[]}"))
                .expectProblem(422);
    }

    private String idOf(String slug) {
        return jdbc.sql("select id::text from post where slug = :s")
                .param("s", slug)
                .query(String.class)
                .single();
    }

    private static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }

    /** What must survive a move: every field of every post except ids, timestamps of the move and author. */
    private static List<String> comparable(JsonNode contentJson) {
        List<String> posts = new ArrayList<>();
        for (JsonNode p : contentJson.path("posts")) {
            posts.add(String.join(
                    " | ",
                    p.path("slug").asString(),
                    p.path("title").asString(),
                    p.path("excerpt").asString(),
                    p.path("status").asString(),
                    p.path("difficulty").asString(),
                    String.valueOf(p.path("premium").asBoolean()),
                    p.path("tags").toString(),
                    p.path("series").asString(""),
                    p.path("seriesPosition").asString(""),
                    p.path("metaTitle").asString(""),
                    p.path("metaDescription").asString(""),
                    p.path("canonicalUrl").asString(""),
                    p.path("socialImageUrl").asString(""),
                    p.path("publishedAt").asString(""),
                    p.path("scheduledAt").asString("")));
        }
        posts.sort(String::compareTo);
        return posts;
    }

    @Test
    void exportThenImportIntoAnEmptySiteGivesTheSamePosts() throws IOException {
        JsonNode series = post(
                        "/api/v1/admin/series",
                        editorToken(),
                        Map.of("title", unique("Round trip series"), "description", "Kept across the move"))
                .expect(201)
                .json();
        String seriesId = series.path("id").asString();
        createPublished(
                authorToken(),
                postBody(
                        unique("Round one"),
                        "First *body*.\n\n```java\nint x = 1;\n```\n",
                        "tags",
                        List.of("Round Trip", "Java"),
                        "seriesId",
                        seriesId,
                        "seriesPosition",
                        1,
                        "excerpt",
                        "Hand-written excerpt",
                        "metaTitle",
                        "SEO title"));
        JsonNode renamed = createPublished(
                authorToken(),
                postBody(
                        unique("Round two"),
                        "Second: \"quotes\", 'apostrophes', ünïcödé, tab\there.",
                        "premium",
                        true,
                        "difficulty",
                        "INTERMEDIATE",
                        "seriesId",
                        seriesId,
                        "seriesPosition",
                        2));
        createPost(
                authorToken(),
                postBody(unique("Round draft"), "---\nnot front matter\n---\nA draft whose body has rules."));
        // A rename leaves a redirect, which the export carries and the import restores.
        Map<String, Object> rename = postBody(
                renamed.path("title").asString(),
                "Second body, renamed.",
                "slug",
                unique("round-two-renamed"),
                "premium",
                true,
                "difficulty",
                "INTERMEDIATE",
                "seriesId",
                seriesId,
                "seriesPosition",
                2);
        String newSlug = put("/api/v1/admin/posts/" + renamed.path("id").asString(), authorToken(), rename)
                .expect(200)
                .json()
                .path("slug")
                .asString();

        HttpResponse<byte[]> first = download("/api/v1/admin/export", adminToken());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment")
                .contains(".zip");
        Map<String, byte[]> files = unzip(first.body());
        JsonNode before = JSON.readTree(files.get("content.json"));
        assertThat(files).containsKey("posts/" + newSlug + ".md");
        assertThat(files.keySet().stream().filter(n -> n.endsWith(".md")).count())
                .isEqualTo(before.path("posts").size())
                .isEqualTo(
                        jdbc.sql("select count(*) from post").query(Long.class).single());

        // An empty site: everything content owns is gone.
        jdbc.sql("delete from post").update();
        jdbc.sql("delete from series").update();
        jdbc.sql("delete from tag").update();
        jdbc.sql("delete from redirect").update();

        JsonNode result = importMarkdown(first.body(), "").expect(200).json();
        assertThat(result.path("imported").size())
                .isEqualTo(before.path("posts").size());
        assertThat(result.path("redirects").asInt()).isGreaterThanOrEqualTo(1);

        HttpResponse<byte[]> second = download("/api/v1/admin/export", adminToken());
        Map<String, byte[]> files2 = unzip(second.body());
        JsonNode after = JSON.readTree(files2.get("content.json"));
        assertThat(comparable(after)).isEqualTo(comparable(before));
        // Bodies byte for byte.
        for (JsonNode p : before.path("posts")) {
            String slug = p.path("slug").asString();
            assertThat(jdbc.sql("select markdown from post where slug = :s")
                            .param("s", slug)
                            .query(String.class)
                            .single())
                    .isEqualTo(markdownOf(files.get("posts/" + slug + ".md")));
        }
        assertThat(after.path("series").findValuesAsString("title"))
                .isEqualTo(before.path("series").findValuesAsString("title"));
        assertThat(after.path("series").findValuesAsString("description"))
                .isEqualTo(before.path("series").findValuesAsString("description"));
        assertThat(after.path("redirects").toString()).contains(newSlug);
        get("/api/v1/posts/" + renamed.path("slug").asString(), null).expect(301);
    }

    private static String markdownOf(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        int end = text.indexOf("\n---\n", 4);
        return text.substring(end + 5).replaceFirst("^\n", "").stripTrailing();
    }
}
