package io.lectern.ai.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Content words: tokens, stop words, a light stem, and the key terms of a text. */
public final class Terms {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_+#-]*[\\p{L}\\p{N}+#]|[\\p{L}]");

    public static final Set<String> STOP = Set.of(
            "a",
            "about",
            "above",
            "after",
            "again",
            "against",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "doing",
            "down",
            "during",
            "each",
            "even",
            "every",
            "few",
            "for",
            "from",
            "further",
            "get",
            "gets",
            "got",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "him",
            "his",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "itself",
            "just",
            "let",
            "like",
            "make",
            "makes",
            "many",
            "may",
            "me",
            "might",
            "more",
            "most",
            "much",
            "must",
            "my",
            "need",
            "no",
            "nor",
            "not",
            "now",
            "of",
            "off",
            "often",
            "on",
            "once",
            "one",
            "only",
            "or",
            "other",
            "our",
            "out",
            "over",
            "own",
            "same",
            "say",
            "says",
            "see",
            "she",
            "should",
            "so",
            "some",
            "such",
            "than",
            "that",
            "the",
            "their",
            "them",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "through",
            "to",
            "too",
            "two",
            "under",
            "until",
            "up",
            "us",
            "use",
            "used",
            "uses",
            "using",
            "very",
            "via",
            "was",
            "way",
            "we",
            "well",
            "were",
            "what",
            "when",
            "where",
            "which",
            "while",
            "who",
            "whom",
            "why",
            "will",
            "with",
            "without",
            "would",
            "you",
            "your",
            "yours",
            "yourself",
            "explain",
            "tell",
            "mean",
            "means",
            "work",
            "works",
            "good",
            "new",
            "want",
            "know",
            "thing",
            "things",
            "instead",
            "within",
            "another",
            "rather",
            "usually",
            "always",
            "never",
            "still");

    private Terms() {}

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Lower-case content words with a light English stem, in order, without repeats. */
    public static Set<String> contentStems(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tokens(text)) {
            if (t.length() >= 3 && !STOP.contains(t)) {
                out.add(stem(t));
            }
        }
        return out;
    }

    public static String stem(String t) {
        if (t.length() > 5 && t.endsWith("ies")) {
            return t.substring(0, t.length() - 3) + "y";
        }
        if (t.length() > 5 && (t.endsWith("ing") || t.endsWith("ed"))) {
            return t.substring(0, t.length() - (t.endsWith("ing") ? 3 : 2));
        }
        if (t.length() > 3 && t.endsWith("s") && !t.endsWith("ss")) {
            return t.substring(0, t.length() - 1);
        }
        return t;
    }

    /**
     * Key terms of a text: content words (kept in their original spelling) ranked by frequency, with
     * a bonus for words that look technical (mixed case, digits, symbols) or long.
     */
    public static List<String> keyTerms(String text, int max) {
        Map<String, Integer> count = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String raw = m.group();
            String lower = raw.toLowerCase(Locale.ROOT);
            if (lower.length() < 4 || STOP.contains(lower)) {
                continue;
            }
            count.merge(lower, 1, Integer::sum);
            spelling.putIfAbsent(lower, raw);
        }
        Comparator<String> rank = Comparator.comparingDouble((String w) -> -weight(spelling.get(w), count.get(w)));
        return count.keySet().stream()
                .sorted(rank)
                .limit(max)
                .map(spelling::get)
                .toList();
    }

    private static double weight(String raw, int n) {
        double w = n;
        if (!raw.equals(raw.toLowerCase(Locale.ROOT)) || raw.matches(".*[\\d_+#-].*")) {
            w *= 1.5;
        }
        if (raw.length() >= 8) {
            w *= 1.3;
        }
        return w;
    }
}
