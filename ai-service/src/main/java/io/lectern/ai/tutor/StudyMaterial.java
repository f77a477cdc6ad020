package io.lectern.ai.tutor;

import io.lectern.ai.embedding.Embedder;
import io.lectern.ai.embedding.Vectors;
import io.lectern.ai.text.Sentences;
import io.lectern.ai.text.Terms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Quiz questions, flash-card drafts and free-text grading made from the posts alone, with no language
 * model: cloze and multiple-choice questions blank out a key term of a sentence of the post
 * (distractors are key terms of posts in the same series, or sharing a tag); grading combines the
 * answer's embedding similarity to the reference with the share of the reference's key terms it covers.
 */
@Component
class StudyMaterial {

    private final PostTexts posts;
    private final Embedder embedder;

    StudyMaterial(PostTexts posts, Embedder embedder) {
        this.posts = posts;
        this.embedder = embedder;
    }

    private record Candidate(String sentence, String term, PostTexts.Section section) {}

    List<QuizQuestion> questions(PostTexts.Post post, int count, Set<QuizQuestion.Type> types) {
        String all = String.join(
                "\n", post.sections().stream().map(PostTexts.Section::content).toList());
        List<String> keys = Terms.keyTerms(all, 40);
        List<Candidate> candidates = candidates(post, keys);
        List<String> distractorPool = new ArrayList<>();
        for (String text : posts.neighbourTexts(post, 8)) {
            distractorPool.addAll(Terms.keyTerms(text, 10));
        }
        distractorPool.addAll(keys);
        Random random = new Random(post.id().getMostSignificantBits());
        List<QuizQuestion.Type> order = types.stream().sorted().toList();
        List<QuizQuestion> out = new ArrayList<>();
        for (int i = 0; i < candidates.size() && out.size() < count; i++) {
            Candidate c = candidates.get(i);
            QuizQuestion.Type type = order.get(out.size() % order.size());
            String blanked = blank(c.sentence(), c.term());
            String explanation = "From \""
                    + (c.section().headingPath().isEmpty()
                            ? post.title()
                            : c.section().headingPath()) + "\": " + c.sentence();
            if (type == QuizQuestion.Type.CLOZE) {
                out.add(new QuizQuestion(
                        "CLOZE",
                        "Fill in the blank: " + blanked,
                        List.of(),
                        List.of(),
                        c.term(),
                        explanation,
                        c.section().anchor()));
            } else {
                List<String> options = distractors(c.term(), distractorPool, c.sentence(), random);
                if (options.size() < 3) {
                    continue;
                }
                options.add(c.term());
                java.util.Collections.shuffle(options, random);
                out.add(new QuizQuestion(
                        "MULTIPLE_CHOICE",
                        "Which term completes the sentence? " + blanked,
                        options,
                        List.of(options.indexOf(c.term())),
                        null,
                        explanation,
                        c.section().anchor()));
            }
        }
        return out;
    }

    List<CardDraft> cards(PostTexts.Post post, int count) {
        List<CardDraft> out = new ArrayList<>();
        for (PostTexts.Section s : post.sections()) {
            if (out.size() >= count) {
                break;
            }
            List<String> sentences = Sentences.split(s.content());
            if (sentences.isEmpty()) {
                continue;
            }
            String heading = s.headingPath().isEmpty() ? post.title() : s.headingPath();
            String back = sentences.getFirst()
                    + (sentences.size() > 1 && sentences.getFirst().length() < 160 ? " " + sentences.get(1) : "");
            out.add(new CardDraft(
                    "What does \"" + post.title() + "\" say about " + lastHeading(heading) + "?", back, s.anchor()));
        }
        String all = String.join(
                "\n", post.sections().stream().map(PostTexts.Section::content).toList());
        for (Candidate c : candidates(post, Terms.keyTerms(all, 40))) {
            if (out.size() >= count) {
                break;
            }
            out.add(new CardDraft(
                    blank(c.sentence(), c.term()), c.term(), c.section().anchor()));
        }
        return out;
    }

    GradeResult grade(String question, String reference, String answer) {
        List<float[]> v = embedder.embedAll(List.of(reference, answer));
        double similarity = Math.max(0, Math.min(1, Vectors.cosine(v.get(0), v.get(1))));
        Set<String> referenceTerms = Terms.contentStems(reference);
        referenceTerms.removeAll(Terms.contentStems(question));
        if (referenceTerms.isEmpty()) {
            referenceTerms = Terms.contentStems(reference);
        }
        Set<String> answerTerms = Terms.contentStems(answer);
        List<String> covered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String t : referenceTerms) {
            (answerTerms.contains(t) ? covered : missing).add(t);
        }
        double coverage = referenceTerms.isEmpty() ? 0 : (double) covered.size() / referenceTerms.size();
        double semantic = Math.max(0, Math.min(1, (similarity - 0.25) / 0.6));
        double score = Math.round((0.5 * coverage + 0.5 * semantic) * 1000) / 1000.0;
        String feedback;
        if (score >= 0.8) {
            feedback = "Good answer: it covers the key points of the reference.";
        } else if (score >= 0.5) {
            feedback = "Partly right. Missing: "
                    + String.join(", ", missing.stream().limit(5).toList()) + ".";
        } else {
            feedback = "This misses most of the reference answer"
                    + (missing.isEmpty()
                            ? "."
                            : "; key terms: "
                                    + String.join(
                                            ", ", missing.stream().limit(5).toList()) + ".");
        }
        return new GradeResult(score, Math.round(similarity * 1000) / 1000.0, covered, missing, feedback, "similarity");
    }

    private List<Candidate> candidates(PostTexts.Post post, List<String> keys) {
        List<Candidate> out = new ArrayList<>();
        Set<String> usedTerms = new HashSet<>();
        Set<String> usedSentences = new HashSet<>();
        for (String key : keys) {
            Pattern word = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(key) + "(?![\\p{L}\\p{N}])");
            search:
            for (PostTexts.Section s : post.sections()) {
                for (String sentence : Sentences.split(s.content())) {
                    int words = sentence.split("\\s+").length;
                    if (words < 6
                            || words > 45
                            || usedSentences.contains(sentence)
                            || !word.matcher(sentence).find()) {
                        continue;
                    }
                    if (usedTerms.add(key.toLowerCase(Locale.ROOT))) {
                        usedSentences.add(sentence);
                        out.add(new Candidate(sentence, key, s));
                    }
                    break search;
                }
            }
        }
        return out;
    }

    private static String blank(String sentence, String term) {
        return sentence.replaceAll("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])", "_____");
    }

    private static List<String> distractors(String term, List<String> pool, String sentence, Random random) {
        Set<String> seen = new LinkedHashSet<>();
        String lowerSentence = sentence.toLowerCase(Locale.ROOT);
        List<String> shuffled = new ArrayList<>(pool);
        java.util.Collections.shuffle(shuffled, random);
        for (String p : shuffled) {
            String lower = p.toLowerCase(Locale.ROOT);
            if (lower.equals(term.toLowerCase(Locale.ROOT))
                    || lowerSentence.contains(lower)
                    || seen.stream().anyMatch(s -> s.equalsIgnoreCase(p))) {
                continue;
            }
            seen.add(p);
            if (seen.size() == 3) {
                break;
            }
        }
        return new ArrayList<>(seen);
    }

    private static String lastHeading(String path) {
        int i = path.lastIndexOf(" > ");
        return i < 0 ? path : path.substring(i + 3);
    }
}
