package io.lectern.learning.quiz;

import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Taking quizzes: start an attempt, read it, submit it once, history and leaderboard. */
@RestController
@RequestMapping("/api/v1/quizzes")
class QuizController {

    private final QuizService quizzes;

    QuizController(QuizService quizzes) {
        this.quizzes = quizzes;
    }

    /** Starts an attempt at the quiz of a post or a series (a series quiz is its final quiz). */
    @PostMapping("/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    QuizApi.AttemptResponse start(@AuthenticationPrincipal Jwt jwt, @RequestBody QuizApi.StartQuizRequest request) {
        return quizzes.start(user(jwt), request);
    }

    /** The attempt's questions, without answers. */
    @GetMapping("/attempts/{id}")
    QuizApi.AttemptResponse attempt(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return quizzes.get(user(jwt), id);
    }

    /** The graded result of a submitted attempt: what was right, the key, and the passages to reread. */
    @GetMapping("/attempts/{id}/result")
    QuizApi.ResultResponse result(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return quizzes.result(user(jwt), id);
    }

    /** Grades the answers; submitting the same attempt again returns the first result and changes nothing. */
    @PostMapping("/attempts/{id}/submission")
    QuizApi.ResultResponse submit(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID id,
            @Valid @RequestBody QuizApi.SubmitRequest request) {
        return quizzes.submit(user(jwt), id, request);
    }

    /** "Add my mistakes to review": a review card per wrong answer of a submitted attempt (idempotent). */
    @PostMapping("/attempts/{id}/mistakes-to-review")
    QuizApi.MistakesAdded mistakesToReview(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return quizzes.addMistakesToReview(user(jwt), id);
    }

    @GetMapping("/attempts")
    QuizApi.HistoryResponse history(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @Nullable UUID postId,
            @RequestParam(required = false) @Nullable UUID seriesId) {
        return quizzes.history(user(jwt), postId, seriesId);
    }

    @GetMapping("/leaderboard")
    QuizApi.LeaderboardResponse leaderboard(
            @RequestParam(required = false) @Nullable UUID postId,
            @RequestParam(required = false) @Nullable UUID seriesId) {
        return quizzes.leaderboard(postId, seriesId);
    }

    static UUID user(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
