package io.lectern.learning.srs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a post's Markdown into sections keyed by the anchor of their heading, the id the renderer
 * gives it (commonmark's heading-anchor rule: lower case, letters, digits, '-' and '_' kept, spaces to
 * '-', a repeated id gets "-1", "-2", ...). The text before the first heading is the section "intro".
 * A section runs to the next heading of any level; headings inside fenced code are text.
 */
final class Sections {

    static final String INTRO = "intro";
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    private Sections() {}

    static Map<String, String> split(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String anchor = INTRO;
        StringBuilder body = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\r?\n", -1)) {
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fenced = !fenced;
            }
            Matcher m = fenced ? null : HEADING.matcher(line);
            if (m != null && m.matches()) {
                put(sections, anchor, body);
                anchor = unique(slug(m.group(2)), seen);
                body = new StringBuilder();
                continue;
            }
            body.append(line).append('\n');
        }
        put(sections, anchor, body);
        return sections;
    }

    static String hash(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(normalise(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whitespace differences (re-wrapping, trailing spaces) do not count as a change. */
    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    static String slug(String heading) {
        String plain =
                heading.replaceAll("[*_`\\[\\]()]", "").toLowerCase(Locale.ROOT).strip();
        StringBuilder out = new StringBuilder();
        plain.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                out.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp)) {
                out.append('-');
            }
        });
        return out.isEmpty() ? "section" : out.toString();
    }

    private static String unique(String slug, Map<String, Integer> seen) {
        Integer count = seen.get(slug);
        if (count == null) {
            seen.put(slug, 0);
            return slug;
        }
        seen.put(slug, count + 1);
        return slug + "-" + (count + 1);
    }

    private static void put(Map<String, String> sections, String anchor, StringBuilder body) {
        String text = body.toString().strip();
        if (!text.isEmpty() || !anchor.equals(INTRO)) {
            sections.put(anchor, text);
        }
    }
}
