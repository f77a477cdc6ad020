package io.lectern.learning.quiz;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A question as the server keeps it, with its key: {@code correct} option indexes for choice types,
 * {@code answerText} the cloze answer (alternatives split by '|') or the reference answer of a
 * short-text question. Never serialised to a client before the attempt is submitted.
 */
record QuizQuestion(
        UUID id,
        Source source,
        UUID postId,
        QuestionType type,
        String prompt,
        List<String> options,
        List<Integer> correct,
        @Nullable String answerText,
        String explanation,
        @Nullable String anchor,
        @Nullable String passage) {

    enum Source {
        AUTHOR,
        AI,
        CLOZE
    }
}
