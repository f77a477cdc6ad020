package io.lectern.learning.streak;

import io.lectern.learning.problem.LearningProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Current and longest streak, freezes held, and the calendar of active days (at most 366 days at once). */
@RestController
class StreakController {

    private final Activity activity;

    StreakController(Activity activity) {
        this.activity = activity;
    }

    @GetMapping("/api/v1/gamification/streak")
    StreakResponse streak(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        UUID user = UUID.fromString(jwt.getSubject());
        StreakStatus status = activity.status(user);
        LocalDate end = to == null ? status.today() : date("to", to);
        LocalDate start = from == null ? end.minusDays(29) : date("from", from);
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) > 366) {
            throw LearningProblem.invalidField("from", "from must be on or before to, at most 366 days earlier.");
        }
        return new StreakResponse(status, start, end, activity.calendar(user, start, end));
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw LearningProblem.invalidField(field, field + " must be a date (YYYY-MM-DD).");
        }
    }
}
