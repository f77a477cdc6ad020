package io.lectern.learning.quiz;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Content words of a text, reduced to a crude stem so "indexes" meets "index": the unit of the
 * fallback grading rule (key-term coverage) and of key-sentence selection for cloze questions.
 */
public final class KeyTerms {

    private static final Set<String> STOPWORDS = Set.of(
            "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
            "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
            "does", "doing", "down", "during", "each", "else", "every", "few", "for", "from", "further", "had", "has",
            "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into",
            "is", "it", "its", "itself", "just", "let", "like", "may", "me", "might", "more", "most", "much", "must",
            "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "out",
            "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them",
            "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us",
            "use", "used", "uses", "using", "very", "was", "we", "were", "what", "when", "where", "which", "while",
            "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yet", "get", "gets", "make",
            "makes", "way", "thing", "things", "need", "needs", "want", "well", "new", "two");

    private KeyTerms() {}

    /** Lower case, accents removed, punctuation to spaces. */
    public static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}+#]+", " ")
                .trim();
    }

    /** The words of a text as they were written (normalised), in order. */
    public static List<String> words(String text) {
        String n = normalize(text);
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    public static boolean isStopword(String word) {
        return STOPWORDS.contains(word);
    }

    /** Distinct stems of the content words, in order of first appearance. */
    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String w : words(text)) {
            if (w.length() >= 3 && !STOPWORDS.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                terms.add(stem(w));
            }
        }
        return terms;
    }

    /** A deliberately small suffix stripper: plural and common verb endings. */
    public static String stem(String word) {
        String w = word;
        if (w.length() > 5 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        for (String suffix : new String[] {"ing", "ed", "es", "s"}) {
            if (w.length() > suffix.length() + 3 && w.endsWith(suffix) && !w.endsWith("ss")) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }
}
