package io.lectern.learning.leaderboard;

import io.lectern.learning.badge.BadgeShelf;
import io.lectern.learning.learner.Learners;
import io.lectern.learning.problem.LearningProblem;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** XP leaderboards: top N, the caller's own rank with neighbours, opting out, and an admin rebuild. */
@RestController
@RequestMapping("/api/v1/gamification/leaderboards")
class LeaderboardController {

    private final Leaderboards boards;
    private final Learners learners;
    private final BadgeShelf shelf;
    private final LeaderboardProperties props;
    private final Clock clock;

    LeaderboardController(
            Leaderboards boards, Learners learners, BadgeShelf shelf, LeaderboardProperties props, Clock clock) {
        this.boards = boards;
        this.learners = learners;
        this.shelf = shelf;
        this.props = props;
        this.clock = clock;
    }

    /** The top {@code limit} (1..100) of {@code all-time} or {@code week}. */
    @GetMapping("/{board}")
    LeaderboardResponse top(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String board,
            @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > props.maxTop()) {
            throw LearningProblem.invalidField("limit", "limit must be between 1 and " + props.maxTop() + ".");
        }
        Leaderboards.Board b = board(board);
        return response(b, boards.top(b, limit), user(jwt));
    }

    /** The caller's rank on a board with {@code around} (0..10) neighbours each side; empty when not on it. */
    @GetMapping("/{board}/me")
    LeaderboardResponse me(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String board,
            @RequestParam(defaultValue = "2") int around) {
        if (around < 0 || around > 10) {
            throw LearningProblem.invalidField("around", "around must be between 0 and 10.");
        }
        Leaderboards.Board b = board(board);
        UUID me = user(jwt);
        return response(b, boards.around(b, me, around), me);
    }

    /** Whether the caller is hidden from the boards (the state the opt-out toggle shows). */
    @GetMapping("/opt-out")
    OptOutResponse optOutState(@AuthenticationPrincipal Jwt jwt) {
        return new OptOutResponse(boards.optedOut(user(jwt)));
    }

    @PutMapping("/opt-out")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void optOut(@AuthenticationPrincipal Jwt jwt, @RequestBody OptOutRequest request) {
        Boolean out = request.optOut();
        if (out == null) {
            throw LearningProblem.invalidField("optOut", "optOut is required (true or false).");
        }
        boards.optOut(user(jwt), out, clock.instant());
    }

    /** Rebuilds every board from the XP ledger (after Redis lost data). */
    @PostMapping("/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rebuild() {
        boards.rebuild(clock.instant());
    }

    private LeaderboardResponse response(Leaderboards.Board board, Leaderboards.Slice slice, UUID me) {
        List<Leaderboards.Standing> standings = slice.standings();
        List<UUID> ids = standings.stream().map(Leaderboards.Standing::userId).toList();
        Map<UUID, String> names = learners.displayNames(ids);
        Map<UUID, String> titles = shelf.titles(ids);
        List<LeaderboardResponse.Entry> entries = standings.stream()
                .map(s -> new LeaderboardResponse.Entry(
                        s.rank(),
                        s.userId(),
                        names.getOrDefault(s.userId(), "Reader"),
                        titles.get(s.userId()),
                        s.xp(),
                        s.userId().equals(me)))
                .toList();
        return new LeaderboardResponse(
                board == Leaderboards.Board.ALL_TIME ? "ALL_TIME" : "WEEK",
                board == Leaderboards.Board.WEEK ? boards.weekOf(clock.instant()) : null,
                props.weekZone().getId(),
                slice.size(),
                entries);
    }

    private static Leaderboards.Board board(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "all-time" -> Leaderboards.Board.ALL_TIME;
            case "week", "weekly" -> Leaderboards.Board.WEEK;
            default -> throw LearningProblem.invalidField("board", "board must be all-time or week.");
        };
    }

    private static UUID user(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
