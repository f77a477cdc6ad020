package io.lectern.ai.tutor;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A generated question (contract with learning-service). */
public record QuizQuestion(
        String type,
        String prompt,
        List<String> options,
        List<Integer> correct,
        @Nullable String clozeAnswer,
        String explanation,
        @Nullable String anchor) {

    public enum Type {
        MULTIPLE_CHOICE,
        CLOZE
    }
}
