package io.lectern.learning.interview;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the mock interview API; a question's reference answer is never in them. */
final class InterviewApi {

    private InterviewApi() {}

    record BankQuestionRequest(
            @Nullable UUID seriesId,
            @Nullable @Size(max = 60) String tag,
            @NotBlank @Size(max = 2000) String prompt,
            @NotBlank @Size(max = 8000) String reference,
            @Nullable UUID postId,
            @Nullable @Size(max = 200) String anchor) {}

    record BankQuestion(
            UUID id,
            @Nullable UUID seriesId,
            @Nullable String tag,
            String prompt,
            String reference,
            @Nullable UUID postId,
            @Nullable String anchor) {}

    record StartRequest(
            @Nullable UUID seriesId,
            @Nullable @Size(max = 60) String tag,
            @Nullable @Min(1) @Max(15) Integer questions,
            @Nullable @Min(30) @Max(3600) Integer timeLimitSeconds) {}

    record AnswerRequest(
            @NotNull @Min(0) Integer position,
            @NotNull @Size(max = 8000) String answer) {}

    record Reread(
            UUID postId,
            String postSlug,
            String postTitle,
            @Nullable String anchor) {}

    record Feedback(
            double score,
            String feedback,
            String method,
            List<String> coveredTerms,
            List<String> missingTerms,
            boolean timedOut,
            @Nullable Reread reread) {}

    record Item(
            int position,
            String source,
            String prompt,
            @Nullable Instant askedAt,
            @Nullable String answer,
            @Nullable Feedback feedback) {}

    record Overall(
            double score,
            List<String> strengths,
            List<String> gaps,
            List<Reread> reread,
            String feedbackMethod,
            String label) {}

    record SessionResponse(
            UUID id,
            @Nullable UUID seriesId,
            @Nullable String tag,
            @Nullable Integer timeLimitSeconds,
            Instant startedAt,
            @Nullable Instant completedAt,
            @Nullable String notice,
            @Nullable Integer currentPosition,
            List<Item> items,
            @Nullable Overall overall) {}

    record SessionSummary(
            UUID id,
            @Nullable UUID seriesId,
            @Nullable String tag,
            Instant startedAt,
            @Nullable Instant completedAt,
            @Nullable Double score) {}

    record SessionList(List<SessionSummary> sessions) {}
}
