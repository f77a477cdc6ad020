package io.lectern.learning.srs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The local fallback for card drafts when ai-service is off or failing: the post's key sentences (those
 * carrying the words the post uses most, ignoring stop words), each turned into a cloze card over its
 * strongest term. Deterministic, so the same post always drafts the same cards.
 */
final class KeySentences {

    record Draft(String clozeText, String anchor) {}

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"'(])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'-]{2,}");
    private static final Set<String> STOP = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
            "out", "has", "have", "his", "how", "its", "may", "new", "now", "see", "two", "who", "did", "get", "let",
            "put", "say", "she", "too", "use", "that", "with", "this", "from", "they", "will", "would", "there",
            "their", "what", "about", "which", "when", "make", "like", "time", "just", "know", "take", "into", "your",
            "some", "could", "them", "than", "then", "look", "only", "come", "over", "also", "back", "after", "used",
            "using", "uses", "each", "where", "does", "more", "most", "other", "these", "those", "such", "very", "been",
            "were", "being", "because", "while", "here", "should", "must", "many", "much", "well", "even", "same",
            "every", "both", "between", "without", "within", "through", "first");

    private KeySentences() {}

    static List<Draft> drafts(String markdown, int count) {
        record Candidate(String sentence, String anchor, double score, String term, int order) {}
        Map<String, String> sections = Sections.split(markdown);
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, List<String>> sentences = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> section : sections.entrySet()) {
            List<String> list = new ArrayList<>();
            for (String s : SENTENCE_END.split(plain(section.getValue()))) {
                String sentence = s.strip();
                if (sentence.length() >= 40 && sentence.length() <= 280) {
                    list.add(sentence);
                }
            }
            sentences.put(section.getKey(), list);
            var m = WORD.matcher(plain(section.getValue()));
            while (m.find()) {
                String w = m.group().toLowerCase(Locale.ROOT);
                if (!STOP.contains(w)) {
                    frequency.merge(w, 1, Integer::sum);
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, List<String>> e : sentences.entrySet()) {
            for (String sentence : e.getValue()) {
                double score = 0;
                String best = null;
                int bestFrequency = 0;
                var m = WORD.matcher(sentence);
                int words = 0;
                while (m.find()) {
                    words++;
                    String w = m.group();
                    int f = frequency.getOrDefault(w.toLowerCase(Locale.ROOT), 0);
                    score += f;
                    if (f > bestFrequency || (f == bestFrequency && best != null && w.length() > best.length())) {
                        bestFrequency = f;
                        best = w;
                    }
                }
                if (best != null && bestFrequency > 1 && words > 0) {
                    candidates.add(new Candidate(sentence, e.getKey(), score / words, best, order++));
                }
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::order))
                .limit(count)
                .sorted(Comparator.comparingInt(Candidate::order))
                .map(c -> new Draft(Cloze.around(c.sentence(), c.term()), c.anchor()))
                .toList();
    }

    /** Markdown to plain prose: code blocks, images, link targets, emphasis and list marks removed. */
    static String plain(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", " ")
                .replaceAll("(?s)~~~.*?~~~", " ")
                .replaceAll("!\\[[^]]*]\\([^)]*\\)", " ")
                .replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1")
                .replaceAll("`([^`]*)`", "$1")
                .replaceAll("(?m)^\\s*([-*+]|\\d+\\.|>)\\s+", "")
                .replaceAll("[*_]{1,3}([^*_]+)[*_]{1,3}", "$1")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
