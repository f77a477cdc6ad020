package io.lectern.learning.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grades one answer on the server. Choice and cloze questions are exact; short free text is graded by
 * ai-service when it answers and otherwise by the fallback rule here: the share of the reference
 * answer's key terms the answer covers.
 */
public final class Grading {

    /** Share of key terms a free-text answer must cover to count as correct. */
    public static final double FREE_TEXT_PASS = 0.6;

    private Grading() {}

    /** The outcome for one question; {@code method} says who graded it ("exact", "coverage", "llm", "similarity"). */
    public record Outcome(
            boolean correct,
            double score,
            List<String> coveredTerms,
            List<String> missingTerms,
            String feedback,
            String method) {

        static Outcome exact(boolean correct, double score, String feedback) {
            return new Outcome(correct, score, List.of(), List.of(), feedback, "exact");
        }
    }

    /** Multiple choice: exactly the one right option. */
    public static Outcome singleChoice(Set<Integer> correct, Set<Integer> selected) {
        boolean right = selected.size() == 1 && correct.containsAll(selected);
        return Outcome.exact(right, right ? 1 : 0, right ? "Correct." : "Not the right option.");
    }

    /**
     * Multiple answers: correct only when the selection equals the right set; the score gives partial
     * credit (right picks minus wrong picks, over the number of right options, never below 0).
     */
    public static Outcome multipleAnswers(Set<Integer> correct, Set<Integer> selected) {
        if (correct.isEmpty()) {
            throw new IllegalArgumentException("a multiple-answers question needs at least one right option");
        }
        long hits = selected.stream().filter(correct::contains).count();
        long wrong = selected.size() - hits;
        double score = Math.max(0, (double) (hits - wrong) / correct.size());
        boolean right = hits == correct.size() && wrong == 0;
        String feedback = right
                ? "Correct."
                : "You picked " + hits + " of " + correct.size() + " right options and " + wrong + " wrong one(s).";
        return Outcome.exact(right, right ? 1 : score, feedback);
    }

    /**
     * Cloze: the gap's word(s), ignoring case, accents and punctuation; alternatives in the key are
     * separated by {@code |}; one typo is forgiven in words of five letters or more.
     */
    public static Outcome cloze(String key, String answer) {
        String given = KeyTerms.normalize(answer);
        for (String alternative : key.split("\\|")) {
            String expected = KeyTerms.normalize(alternative);
            if (expected.isEmpty()) {
                continue;
            }
            if (expected.equals(given)
                    || (expected.length() >= 5 && levenshtein(expected, given) <= 1)
                    || KeyTerms.stem(expected).equals(KeyTerms.stem(given))) {
                return Outcome.exact(true, 1, "Correct.");
            }
        }
        return Outcome.exact(false, 0, "The gap was \"" + key.split("\\|")[0].trim() + "\".");
    }

    /** Fallback for short free text: coverage of the reference's key terms. */
    public static Outcome coverage(String reference, String answer) {
        Set<String> expected = KeyTerms.of(reference);
        Set<String> given = KeyTerms.of(answer);
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("the reference answer has no key terms");
        }
        List<String> covered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String term : expected) {
            (given.contains(term) ? covered : missing).add(term);
        }
        double score = (double) covered.size() / expected.size();
        boolean right = score >= FREE_TEXT_PASS;
        String feedback = right
                ? "Your answer covers the key points of the reference answer."
                : "Your answer misses key points: " + String.join(", ", new TreeSet<>(missing)) + ".";
        return new Outcome(right, score, List.copyOf(covered), List.copyOf(missing), feedback, "coverage");
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
