package io.lectern.content.transfer;

import io.lectern.content.post.PostImport;
import io.lectern.content.post.PostStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts from a Ghost JSON export (Ghost 1 to 5: {@code db[0].data}). The body is Ghost's
 * {@code markdown} when the export has it (Ghost 0.x/1.x), else its rendered {@code html} turned into
 * Markdown. Pages, internal tags ({@code #name}) and email-only posts ({@code sent}, kept as drafts)
 * are handled as Ghost means them; paid/tier visibility becomes premium.
 */
final class GhostExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GhostExport() {}

    /** Each post becomes a ParsedPost, or a Problem naming it. */
    static List<Object> read(String file, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ParsedPost.Invalid("The file is not JSON: " + e.getOriginalMessage(), null);
        }
        JsonNode data = root.path("db").path(0).path("data");
        if (data.isMissingNode()) {
            data = root.path("data");
        }
        if (!data.path("posts").isArray()) {
            throw new ParsedPost.Invalid("The file is not a Ghost export (no db[0].data.posts).", null);
        }
        Map<String, JsonNode> tags = new HashMap<>();
        data.path("tags").forEach(t -> tags.put(t.path("id").asString(), t));
        Map<String, List<JsonNode>> postTags = new HashMap<>();
        data.path("posts_tags")
                .forEach(pt -> postTags.computeIfAbsent(pt.path("post_id").asString(), k -> new ArrayList<>())
                        .add(pt));
        Map<String, JsonNode> postsMeta = new HashMap<>();
        data.path("posts_meta").forEach(m -> postsMeta.put(m.path("post_id").asString(), m));

        List<Object> out = new ArrayList<>();
        int index = 0;
        for (JsonNode p : data.path("posts")) {
            String label = file + ": posts[" + index++ + "] '" + p.path("slug").asString("") + "'";
            if (!p.path("type").asString("post").equals("post")) {
                continue; // pages are not posts here
            }
            try {
                out.add(post(
                        label,
                        p,
                        tags,
                        postTags.getOrDefault(p.path("id").asString(), List.of()),
                        postsMeta.get(p.path("id").asString())));
            } catch (ParsedPost.Invalid e) {
                out.add(new ParsedPost.Problem(label, 422, e.getMessage(), e.field));
            }
        }
        return out;
    }

    private static ParsedPost post(
            String label, JsonNode p, Map<String, JsonNode> tags, List<JsonNode> links, @Nullable JsonNode meta) {
        String title = text(p, "title");
        if (title == null || title.isBlank()) {
            throw new ParsedPost.Invalid("The post has no title.", "title");
        }
        String markdown = text(p, "markdown");
        if (markdown == null || markdown.isBlank()) {
            String html = text(p, "html");
            markdown = html != null ? HtmlToMarkdown.convert(html) : text(p, "plaintext");
        }
        if (markdown == null || markdown.isBlank()) {
            throw new ParsedPost.Invalid("The post has no markdown, html or plaintext body.", "markdown");
        }
        List<String> tagNames = links.stream()
                .sorted(Comparator.comparingInt(l -> l.path("sort_order").asInt(0)))
                .map(l -> tags.get(l.path("tag_id").asString()))
                .filter(t -> t != null
                        && !t.path("name").asString("").startsWith("#")
                        && !t.path("visibility").asString("public").equals("internal"))
                .map(t -> t.path("name").asString())
                .toList();
        String status = p.path("status").asString("draft").toLowerCase(Locale.ROOT);
        PostStatus mapped = switch (status) {
            case "published" -> PostStatus.PUBLISHED;
            case "scheduled" -> PostStatus.SCHEDULED;
            default -> PostStatus.DRAFT; // draft, and "sent" (email only, never on the site)
        };
        String visibility = p.path("visibility").asString("public");
        String image = text(p, "feature_image");
        return new ParsedPost(
                label,
                new PostImport(
                        title,
                        text(p, "slug"),
                        markdown,
                        text(p, "custom_excerpt"),
                        null,
                        visibility.equals("paid") || visibility.equals("tiers"),
                        tagNames,
                        null,
                        null,
                        meta != null ? text(meta, "meta_title") : text(p, "meta_title"),
                        meta != null ? text(meta, "meta_description") : text(p, "meta_description"),
                        text(p, "canonical_url"),
                        image != null && image.startsWith("https://") ? image : null,
                        mapped,
                        date(text(p, "published_at"))),
                null);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() && !v.asString().isBlank() ? v.asString() : null;
    }

    private static @Nullable Instant date(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // Ghost 1.x wrote "2017-05-04 10:11:12"
            try {
                return Instant.parse(value.replace(' ', 'T') + (value.endsWith("Z") ? "" : "Z"));
            } catch (DateTimeParseException e2) {
                throw new ParsedPost.Invalid("published_at '" + value + "' is not a date.", "published_at");
            }
        }
    }
}
