package io.lectern.ai.indexing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Splits a post's Markdown by headings: each section keeps the path of headings above it and the
 * anchor id the renderer gives its heading; a long section becomes several chunks of at most
 * {@code maxWords} words with {@code overlapWords} words repeated between neighbours. Fenced code
 * stays in the text (it answers "how do I" questions) but never starts a heading.
 */
public final class MarkdownChunker {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^]]+)]\\([^)]*\\)");
    private static final Pattern EMPHASIS =
            Pattern.compile("(?<![\\p{L}\\p{N}_])(\\*\\*|__|\\*|_)(\\S[^*_]*?\\S?)\\1(?![\\p{L}\\p{N}_])");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]{1,200}>");

    private final int maxWords;
    private final int overlapWords;

    public MarkdownChunker(int maxWords, int overlapWords) {
        if (overlapWords >= maxWords) {
            throw new IllegalArgumentException("overlap must be smaller than the chunk");
        }
        this.maxWords = maxWords;
        this.overlapWords = overlapWords;
    }

    public MarkdownChunker() {
        this(160, 24);
    }

    public List<Chunk> chunk(String markdown) {
        List<Section> sections = sections(markdown);
        List<Chunk> chunks = new ArrayList<>();
        for (Section s : sections) {
            String text = s.body.toString().strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] words = text.split("\\s+");
            if (words.length <= maxWords) {
                chunks.add(make(chunks.size(), s.path, s.anchor, text));
                continue;
            }
            int step = maxWords - overlapWords;
            for (int from = 0; from < words.length; from += step) {
                int to = Math.min(words.length, from + maxWords);
                chunks.add(make(
                        chunks.size(),
                        s.path,
                        s.anchor,
                        String.join(" ", List.of(words).subList(from, to))));
                if (to == words.length) {
                    break;
                }
            }
        }
        return chunks;
    }

    private record Section(String path, @Nullable String anchor, StringBuilder body) {}

    private static List<Section> sections(String markdown) {
        List<Section> sections = new ArrayList<>();
        String[] levels = new String[7];
        Map<String, Integer> anchorsSeen = new HashMap<>();
        Section current = new Section("", null, new StringBuilder());
        sections.add(current);
        boolean inFence = false;
        for (String line : markdown.split("\\R", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                current.body.append(line.strip()).append('\n');
                continue;
            }
            Matcher h = inFence ? null : HEADING.matcher(line);
            if (h != null && h.matches()) {
                int level = h.group(1).length();
                String text = plain(h.group(2));
                levels[level] = text;
                for (int i = level + 1; i < levels.length; i++) {
                    levels[i] = null;
                }
                List<String> path = new ArrayList<>();
                for (int i = 1; i <= level; i++) {
                    if (levels[i] != null) {
                        path.add(levels[i]);
                    }
                }
                current = new Section(String.join(" > ", path), anchor(text, anchorsSeen), new StringBuilder());
                sections.add(current);
                continue;
            }
            current.body.append(inFence ? line : plain(line)).append('\n');
        }
        return sections;
    }

    /** Markdown inline syntax removed, text kept. */
    static String plain(String line) {
        String s = IMAGE.matcher(line).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = EMPHASIS.matcher(s).replaceAll("$2");
        s = HTML_TAG.matcher(s).replaceAll("");
        s = s.replace("`", "");
        s = s.replaceFirst("^\\s{0,3}>\\s?", "");
        s = s.replaceFirst("^\\s*([-*+]|\\d+[.)])\\s+", "");
        return s;
    }

    /** The id the renderer's heading-anchor extension gives a heading (lower case, dashes, -1 for repeats). */
    static String anchor(String heading, Map<String, Integer> seen) {
        String base = heading.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replaceAll("[^\\p{L}\\p{N}_-]", "");
        if (base.isEmpty()) {
            base = "id";
        }
        int n = seen.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + (n - 1);
    }

    private static Chunk make(int ordinal, String path, @Nullable String anchor, String content) {
        return new Chunk(ordinal, path, anchor, content, sha256(path + "\n" + content));
    }

    static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
