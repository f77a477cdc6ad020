package io.lectern.learning.challenge;

import io.lectern.learning.quiz.Grading;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Checks a submission against a challenge's key. Pure. */
final class Answers {

    private Answers() {}

    static boolean correct(ChallengeStore.Challenge c, ChallengeApi.SubmissionRequest s) {
        return switch (c.kind()) {
            case MULTIPLE_CHOICE ->
                s.selected() != null
                        && Integer.toString(s.selected()).equals(c.answerKey().trim());
            case TEXT ->
                s.answer() != null && Grading.cloze(c.answerKey(), s.answer()).correct();
            case CODE -> s.answer() != null && output(s.answer()).equals(output(c.answerKey()));
        };
    }

    /**
     * A program's output as compared: line endings unified, trailing spaces of each line and trailing
     * blank lines dropped. Everything else (case, inner spaces, order) must match exactly.
     */
    static String output(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", "\n")
                .replace('\r', '\n')
                .lines()
                .map(String::stripTrailing)
                .collect(Collectors.joining("\n"))
                .stripTrailing();
    }
}
