package io.lectern.learning.challenge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the daily challenge API. Reader-facing types carry no answer key. */
final class ChallengeApi {

    private ChallengeApi() {}

    enum Kind {
        MULTIPLE_CHOICE,
        TEXT,
        CODE
    }

    record ChallengeRequest(
            @NotNull Kind kind,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 10_000) String prompt,
            @Nullable @Size(max = 10) List<@NotBlank @Size(max = 500) String> options,
            @Nullable @Size(max = 20_000) String starterCode,
            @Nullable @Size(max = 40) String language,
            @NotBlank @Size(max = 20_000) String answer,
            @Nullable @Size(max = 10_000) String explanation,
            @Nullable UUID postId,
            @NotNull @Min(1) @Max(20) Integer maxAttempts) {}

    record ScheduleRequest(@NotNull LocalDate day) {}

    /** An admin's view of a pool entry, key included. */
    record PoolEntry(
            UUID id,
            Kind kind,
            String title,
            String prompt,
            List<String> options,
            @Nullable String starterCode,
            @Nullable String language,
            String answer,
            String explanation,
            @Nullable UUID postId,
            int maxAttempts,
            List<LocalDate> scheduledOn,
            @Nullable Instant retiredAt) {}

    record PoolList(List<PoolEntry> challenges) {}

    record MyProgress(int attemptsUsed, int attemptsLeft, boolean solved) {}

    /** The day's challenge as a reader sees it; {@code explanation} only once solved or out of attempts. */
    record ChallengeView(
            LocalDate day,
            UUID challengeId,
            Kind kind,
            String title,
            String prompt,
            List<String> options,
            @Nullable String starterCode,
            @Nullable String language,
            @Nullable UUID postId,
            int maxAttempts,
            MyProgress me,
            @Nullable String explanation) {}

    /** A submission: the chosen option (MULTIPLE_CHOICE), the answer (TEXT) or the program's output (CODE). */
    record SubmissionRequest(
            @Nullable Integer selected,
            @Nullable @Size(max = 20_000) String answer) {}

    record SubmissionResponse(
            boolean correct,
            int attemptsUsed,
            int attemptsLeft,
            boolean solved,
            @Nullable String explanation) {}

    record BoardEntry(
            int rank,
            UUID userId,
            String displayName,
            int solved,
            int attempts,
            @Nullable Instant solvedAt) {}

    record Leaderboard(String period, @Nullable LocalDate day, List<BoardEntry> entries) {}
}
