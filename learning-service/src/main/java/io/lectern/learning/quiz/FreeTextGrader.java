package io.lectern.learning.quiz;

import io.lectern.learning.ai.AiClient;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Grades a free-text answer against a reference answer: ai-service when it answers (method "llm", or
 * "similarity" when it has no model), otherwise the local key-term coverage rule (method "coverage").
 */
@Component
public class FreeTextGrader {

    private final AiClient ai;

    FreeTextGrader(AiClient ai) {
        this.ai = ai;
    }

    public Grading.Outcome grade(String question, String reference, String answer) {
        if (answer.isBlank()) {
            return new Grading.Outcome(
                    false, 0, List.of(), List.copyOf(KeyTerms.of(reference)), "No answer given.", "exact");
        }
        return ai.grade(question, reference, answer)
                .map(g -> {
                    double score = Math.max(0, Math.min(1, g.score()));
                    return new Grading.Outcome(
                            score >= Grading.FREE_TEXT_PASS,
                            score,
                            g.coveredTerms() == null ? List.of() : g.coveredTerms(),
                            g.missingTerms() == null ? List.of() : g.missingTerms(),
                            g.feedback() == null ? "" : g.feedback(),
                            g.method());
                })
                .orElseGet(() -> Grading.coverage(reference, answer));
    }
}
