package io.lectern.content.transfer;

import io.lectern.content.post.Difficulty;
import io.lectern.content.post.PostExport;
import io.lectern.content.post.PostImport;
import io.lectern.content.post.PostStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Markdown files with YAML front matter, as Jekyll, Hugo, Eleventy and Ghost's own Markdown exports
 * write them. Recognised keys: title, slug, tags (list or comma-separated), series, series_position,
 * date or published_at, status (draft, published, scheduled; or Jekyll's draft/published flags),
 * excerpt (or description), premium, difficulty, meta_title, meta_description, canonical_url,
 * social_image (or image). Other keys are ignored, so a static-site theme's extras do no harm.
 * Without a status the post is published (that is what a file in a blog's posts folder is).
 */
final class FrontMatter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FrontMatter() {}

    static ParsedPost parse(String file, String text) {
        String normalised = text.replace("\r\n", "\n");
        if (!normalised.startsWith("---\n")) {
            throw new ParsedPost.Invalid("The file does not start with a '---' front matter block.", null);
        }
        int end = normalised.indexOf("\n---", 3);
        if (end < 0) {
            throw new ParsedPost.Invalid("The front matter block is not closed by a '---' line.", null);
        }
        String yaml = normalised.substring(4, end + 1);
        int bodyStart = normalised.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : normalised.substring(bodyStart + 1).strip();
        Map<String, Object> meta = load(yaml);

        String title = string(meta, "title");
        if (title == null || title.isBlank()) {
            throw new ParsedPost.Invalid("The front matter has no title.", "title");
        }
        Instant date = instant(meta, meta.containsKey("published_at") ? "published_at" : "date");
        PostImport post = new PostImport(
                title,
                string(meta, "slug"),
                body,
                first(string(meta, "excerpt"), string(meta, "description")),
                difficulty(string(meta, "difficulty")),
                bool(meta, "premium"),
                tags(meta.get("tags")),
                null,
                integer(meta, "series_position"),
                string(meta, "meta_title"),
                string(meta, "meta_description"),
                string(meta, "canonical_url"),
                first(string(meta, "social_image"), string(meta, "image")),
                status(meta),
                date);
        return new ParsedPost(file, post, string(meta, "series"));
    }

    private static Map<String, Object> load(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10); // "billion laughs" needs many aliases
        options.setCodePointLimit(1_000_000);
        try {
            Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
            if (loaded == null) {
                return Map.of();
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new ParsedPost.Invalid("The front matter is not a set of key: value lines.", null);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k).toLowerCase(Locale.ROOT), v));
            return out;
        } catch (YAMLException e) {
            throw new ParsedPost.Invalid("The front matter is not valid YAML: " + firstLine(e.getMessage()), null);
        }
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

    private static @Nullable String string(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            throw new ParsedPost.Invalid("'" + key + "' must be text.", key);
        }
        return String.valueOf(v);
    }

    private static boolean bool(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ParsedPost.Invalid("'" + key + "' must be true or false.", key);
    }

    private static @Nullable Integer integer(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer i && i >= 0) {
            return i;
        }
        throw new ParsedPost.Invalid("'" + key + "' must be a whole number of at least 0.", key);
    }

    private static @Nullable Difficulty difficulty(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Difficulty.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParsedPost.Invalid(
                    "'difficulty' must be one of " + Arrays.toString(Difficulty.values()) + ".", "difficulty");
        }
    }

    private static PostStatus status(Map<String, Object> meta) {
        String status = string(meta, "status");
        if (status != null) {
            try {
                return PostStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParsedPost.Invalid("'status' must be draft, published or scheduled.", "status");
            }
        }
        if (Boolean.TRUE.equals(meta.get("draft")) || Boolean.FALSE.equals(meta.get("published"))) {
            return PostStatus.DRAFT;
        }
        return PostStatus.PUBLISHED;
    }

    private static List<String> tags(@Nullable Object v) {
        List<String> tags = new ArrayList<>();
        if (v == null) {
            return tags;
        }
        if (v instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof List<?> || item == null) {
                    throw new ParsedPost.Invalid("'tags' must be a list of names.", "tags");
                }
                tags.add(String.valueOf(item).strip());
            }
        } else {
            for (String part : String.valueOf(v).split(",")) {
                tags.add(part.strip());
            }
        }
        tags.removeIf(String::isEmpty);
        return tags;
    }

    private static @Nullable Instant instant(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) { // YAML timestamps without quotes
            return d.toInstant();
        }
        String s = String.valueOf(v).strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new ParsedPost.Invalid("'" + key + "' is not a date (use 2024-05-01 or ISO 8601).", key);
                }
            }
        }
    }

    /** The export's front matter: every value JSON-quoted, which YAML reads back unchanged. */
    static String write(PostExport p) {
        StringBuilder out = new StringBuilder("---\n");
        line(out, "title", p.title());
        line(out, "slug", p.slug());
        line(out, "status", p.status().name().toLowerCase(Locale.ROOT));
        line(
                out,
                "published_at",
                p.publishedAt() != null
                        ? p.publishedAt().toString()
                        : p.scheduledAt() != null ? p.scheduledAt().toString() : null);
        line(out, "tags", p.tags());
        line(out, "series", p.series());
        line(out, "series_position", p.seriesPosition());
        line(out, "excerpt", p.excerpt());
        line(out, "premium", p.premium());
        line(out, "difficulty", p.difficulty().name().toLowerCase(Locale.ROOT));
        line(out, "meta_title", p.metaTitle());
        line(out, "meta_description", p.metaDescription());
        line(out, "canonical_url", p.canonicalUrl());
        line(out, "social_image", p.socialImageUrl());
        line(out, "author", p.authorName());
        out.append("---\n\n").append(p.markdown());
        if (!p.markdown().endsWith("\n")) {
            out.append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, @Nullable Object value) {
        if (value != null) {
            out.append(key).append(": ").append(JSON.writeValueAsString(value)).append('\n');
        }
    }
}
