package io.lectern.learning.quiz;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the quiz API. No response type here has a field for an answer key before submission. */
final class QuizApi {

    private QuizApi() {}

    record StartQuizRequest(
            @Nullable UUID postId,
            @Nullable UUID seriesId,
            @Nullable String purpose) {}

    /** A question as the learner sees it while answering: no key, no explanation. */
    record QuestionView(UUID id, QuestionType type, String prompt, List<String> options, UUID postId) {}

    record AttemptResponse(
            UUID id,
            @Nullable UUID postId,
            @Nullable UUID seriesId,
            String purpose,
            String generator,
            boolean degraded,
            @Nullable String notice,
            Instant startedAt,
            Instant expiresAt,
            @Nullable Instant submittedAt,
            List<QuestionView> questions) {}

    record AnswerInput(
            @NotNull UUID questionId,
            @Nullable List<Integer> selected,
            @Nullable @Size(max = 4000) String text) {}

    record SubmitRequest(@NotNull @Size(max = 100) List<@Valid AnswerInput> answers) {}

    record Reread(
            UUID postId,
            String postSlug,
            String postTitle,
            @Nullable String anchor,
            @Nullable String passage) {}

    record QuestionResult(
            UUID questionId,
            QuestionType type,
            String prompt,
            List<String> options,
            boolean correct,
            double score,
            List<Integer> yourSelection,
            @Nullable String yourAnswer,
            List<Integer> rightOptions,
            @Nullable String rightAnswer,
            String explanation,
            String feedback,
            String gradedBy,
            List<String> coveredTerms,
            List<String> missingTerms,
            @Nullable Reread reread) {}

    record ResultResponse(
            UUID attemptId,
            @Nullable UUID postId,
            @Nullable UUID seriesId,
            String purpose,
            double score,
            int correct,
            int total,
            boolean passed,
            double passScore,
            Instant submittedAt,
            List<QuestionResult> questions) {}

    /** "Add my mistakes to review": how many questions were wrong, and how many new cards that made. */
    record MistakesAdded(UUID attemptId, int mistakes, int cardsAdded) {}

    record AttemptSummary(
            UUID id,
            @Nullable UUID postId,
            @Nullable UUID seriesId,
            String purpose,
            Instant startedAt,
            @Nullable Instant submittedAt,
            @Nullable Double score,
            @Nullable Boolean passed) {}

    record HistoryResponse(
            List<AttemptSummary> attempts, @Nullable Double bestScore) {}

    record LeaderboardEntry(int rank, UUID userId, String displayName, double bestScore, Instant achievedAt) {}

    record LeaderboardResponse(
            @Nullable UUID postId, @Nullable UUID seriesId, List<LeaderboardEntry> entries) {}

    record CreateQuestionRequest(
            @NotNull UUID postId,
            @NotNull QuestionType type,
            @NotBlank @Size(max = 2000) String prompt,
            @Nullable @Size(max = 10) List<@NotBlank @Size(max = 500) String> options,
            @Nullable List<Integer> correct,
            @Nullable @Size(max = 4000) String answer,
            @Nullable @Size(max = 4000) String explanation,
            @Nullable @Size(max = 200) String anchor) {}

    /** An author's view of their question, key included (authors and editors only). */
    record AuthorQuestionResponse(
            UUID id,
            UUID postId,
            QuestionType type,
            String prompt,
            List<String> options,
            List<Integer> correct,
            @Nullable String answer,
            String explanation,
            @Nullable String anchor) {}
}
