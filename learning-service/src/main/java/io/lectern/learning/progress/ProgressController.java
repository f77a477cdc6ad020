package io.lectern.learning.progress;

import io.lectern.learning.problem.LearningProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in reader's progress: per post, per series, overall, and where to continue. */
@RestController
@RequestMapping("/api/v1/progress")
class ProgressController {

    private final ReadingProgress progress;

    ProgressController(ReadingProgress progress) {
        this.progress = progress;
    }

    /** Reports reading of a post (depth and time as maxima; resending is harmless). */
    @PutMapping("/posts/{postId}")
    ReadingResponse report(
            @AuthenticationPrincipal Jwt jwt, @PathVariable UUID postId, @RequestBody ReadingUpdate update) {
        return progress.update(user(jwt), postId, update);
    }

    @GetMapping("/posts/{postId}")
    ReadingResponse ofPost(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID postId) {
        return progress.of(user(jwt), postId)
                .orElseThrow(() -> LearningProblem.unknown("postId", "Progress on post " + postId));
    }

    /** Marks a post read by hand (counts for progress; earns no XP). */
    @PostMapping("/posts/{postId}/read")
    ReadingResponse markRead(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID postId) {
        return progress.markRead(user(jwt), postId);
    }

    @DeleteMapping("/posts/{postId}/read")
    ReadingResponse markUnread(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID postId) {
        return progress.markUnread(user(jwt), postId);
    }

    @GetMapping
    ProgressSummaryResponse summary(@AuthenticationPrincipal Jwt jwt) {
        return progress.summary(user(jwt));
    }

    @GetMapping("/series")
    List<SeriesProgressResponse> series(@AuthenticationPrincipal Jwt jwt) {
        return progress.startedSeries(user(jwt));
    }

    @GetMapping("/series/{seriesId}")
    SeriesProgressResponse seriesProgress(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID seriesId) {
        return progress.seriesProgress(user(jwt), seriesId);
    }

    @GetMapping("/continue")
    ContinueReadingResponse continueReading(@AuthenticationPrincipal Jwt jwt) {
        return progress.continueReading(user(jwt));
    }

    private static UUID user(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
