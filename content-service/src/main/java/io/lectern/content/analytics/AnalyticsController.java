package io.lectern.content.analytics;

import io.lectern.content.access.Caller;
import io.lectern.platform.web.ProblemException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Site analytics for editors and admins. Dates are UTC days ({@code yyyy-MM-dd}), both ends inclusive;
 * without them the last {@code defaultRangeDays} days up to today.
 */
@RestController
@RequestMapping("/api/v1/admin/analytics")
class AnalyticsController {

    private final AnalyticsReports reports;

    AnalyticsController(AnalyticsReports reports) {
        this.reports = reports;
    }

    private static void requireStaff() {
        if (!Caller.required().isStaff()) {
            throw ProblemException.forbidden("Analytics are for editors and admins.");
        }
    }

    /** Views per day, site-wide or of one post ({@code post} = its slug). */
    @GetMapping("/views")
    AnalyticsReports.ViewsPerDay views(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam @Nullable String post) {
        requireStaff();
        return reports.viewsPerDay(reports.range(from, to), post);
    }

    @GetMapping("/top-posts")
    AnalyticsReports.TopPosts topPosts(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "10") int limit) {
        requireStaff();
        return reports.topPosts(reports.range(from, to), reports.limit(limit));
    }

    @GetMapping("/referrers")
    AnalyticsReports.Referrers referrers(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "10") int limit) {
        requireStaff();
        return reports.referrers(reports.range(from, to), reports.limit(limit));
    }

    @GetMapping("/reactions")
    AnalyticsReports.ReactionTotals reactions(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "10") int limit) {
        requireStaff();
        return reports.reactions(reports.range(from, to), reports.limit(limit));
    }
}
