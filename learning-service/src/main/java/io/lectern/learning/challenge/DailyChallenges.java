package io.lectern.learning.challenge;

import io.lectern.contracts.events.learning.ChallengeSolved;
import io.lectern.eventbus.EventPublisher;
import io.lectern.learning.learner.Learners;
import io.lectern.learning.problem.LearningProblem;
import io.lectern.learning.streak.Activity;
import io.lectern.learning.xp.XpLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily challenge: the same challenge for everyone on a UTC day, a limited number of submissions per
 * user and day (counted in the database, so parallel requests cannot exceed it), XP and streak credit on
 * the solve, and the daily and all-time leaderboards. The key is only ever compared, never returned.
 */
@Service
class DailyChallenges {

    static final String XP_RULE = "challenge-solved";
    private static final int BOARD_SIZE = 20;

    private final ChallengeStore store;
    private final Learners learners;
    private final XpLedger ledger;
    private final Activity activity;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    DailyChallenges(
            ChallengeStore store,
            Learners learners,
            XpLedger ledger,
            Activity activity,
            EventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.store = store;
        this.learners = learners;
        this.ledger = ledger;
        this.activity = activity;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    ChallengeApi.ChallengeView view(UUID userId, LocalDate day) {
        ChallengeStore.Challenge c = open(day, "day");
        ChallengeApi.MyProgress me = progress(userId, day, c);
        boolean reveal = me.solved() || me.attemptsLeft() == 0 || day.isBefore(today());
        return new ChallengeApi.ChallengeView(
                day,
                c.id(),
                c.kind(),
                c.title(),
                c.prompt(),
                c.options(),
                c.starterCode(),
                c.language(),
                c.postId(),
                c.maxAttempts(),
                me,
                reveal ? c.explanation() : null);
    }

    ChallengeApi.SubmissionResponse submit(UUID userId, LocalDate day, ChallengeApi.SubmissionRequest s) {
        if (!day.equals(today())) {
            if (day.isAfter(today())) {
                throw notYet(day);
            }
            throw new LearningProblem(
                            HttpStatus.CONFLICT,
                            "challenge-closed",
                            "Challenge closed",
                            "Only today's challenge (" + today() + ", UTC) takes submissions.")
                    .with("field", "day");
        }
        ChallengeStore.Challenge c = open(day, "day");
        validate(c, s);
        boolean correct = Answers.correct(c, s);
        Instant now = clock.instant();
        try {
            return java.util.Objects.requireNonNull(tx.execute(status -> record(userId, day, c, correct, now)));
        } catch (DuplicateKeyException e) {
            // a parallel submission took the same attempt number: it counts, this one does not
            throw new LearningProblem(
                    HttpStatus.CONFLICT,
                    "challenge-concurrent-submission",
                    "Concurrent submission",
                    "Submit one at a time.");
        }
    }

    private ChallengeApi.SubmissionResponse record(
            UUID userId, LocalDate day, ChallengeStore.Challenge c, boolean correct, Instant now) {
        if (store.solved(userId, day)) {
            throw new LearningProblem(
                    HttpStatus.CONFLICT, "challenge-already-solved", "Already solved", "You solved today's challenge.");
        }
        int used = store.attemptsUsed(userId, day);
        if (used >= c.maxAttempts()) {
            throw (LearningProblem) new LearningProblem(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "challenge-attempts-exhausted",
                            "No attempts left",
                            "You used all " + c.maxAttempts() + " attempts for today's challenge.")
                    .with("attemptsUsed", used);
        }
        int attemptNo = used + 1;
        store.insertSubmission(userId, day, c.id(), attemptNo, correct, now);
        if (correct) {
            int seconds =
                    (int) Duration.between(day.atStartOfDay(ZoneOffset.UTC).toInstant(), now)
                            .toSeconds();
            store.insertSolve(userId, day, c.id(), attemptNo, seconds, now);
            ledger.award(userId, XP_RULE, day.toString(), now);
            activity.record(userId, now);
            events.publish(
                    userId.toString(),
                    new ChallengeSolved(c.id(), userId, day, c.kind().name(), attemptNo, now));
        }
        int left = c.maxAttempts() - attemptNo;
        boolean reveal = correct || left == 0;
        return new ChallengeApi.SubmissionResponse(correct, attemptNo, left, correct, reveal ? c.explanation() : null);
    }

    private static void validate(ChallengeStore.Challenge c, ChallengeApi.SubmissionRequest s) {
        switch (c.kind()) {
            case MULTIPLE_CHOICE -> {
                if (s.selected() == null
                        || s.selected() < 0
                        || s.selected() >= c.options().size()) {
                    throw LearningProblem.invalidField(
                            "selected", "Choose one of the " + c.options().size() + " options.");
                }
            }
            case TEXT, CODE -> {
                if (s.answer() == null || s.answer().isBlank()) {
                    throw LearningProblem.invalidField(
                            "answer",
                            c.kind() == ChallengeApi.Kind.CODE ? "Submit your program's output." : "Submit an answer.");
                }
            }
        }
    }

    private ChallengeStore.Challenge open(LocalDate day, String field) {
        if (day.isAfter(today())) {
            throw notYet(day);
        }
        return store.scheduledOn(day).orElseThrow(() -> LearningProblem.unknown("day", "A challenge for " + day));
    }

    private LearningProblem notYet(LocalDate day) {
        return (LearningProblem) new LearningProblem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "challenge-not-yet-open",
                        "Challenge not open yet",
                        "The challenge for " + day + " opens at 00:00 UTC that day.")
                .with("field", "day");
    }

    private ChallengeApi.MyProgress progress(UUID userId, LocalDate day, ChallengeStore.Challenge c) {
        int used = store.attemptsUsed(userId, day);
        boolean solved = store.solved(userId, day);
        return new ChallengeApi.MyProgress(used, solved ? 0 : Math.max(0, c.maxAttempts() - used), solved);
    }

    ChallengeApi.Leaderboard leaderboard(String period, @Nullable LocalDate day) {
        List<ChallengeApi.BoardEntry> entries = new ArrayList<>();
        switch (period) {
            case "daily" -> {
                LocalDate d = day == null ? today() : day;
                if (d.isAfter(today())) {
                    throw notYet(d);
                }
                List<ChallengeStore.Solve> rows = store.daily(d, BOARD_SIZE);
                Map<UUID, String> names = learners.displayNames(
                        rows.stream().map(ChallengeStore.Solve::userId).toList());
                for (ChallengeStore.Solve r : rows) {
                    entries.add(new ChallengeApi.BoardEntry(
                            entries.size() + 1,
                            r.userId(),
                            names.getOrDefault(r.userId(), "Learner"),
                            1,
                            r.attempts(),
                            r.solvedAt()));
                }
                return new ChallengeApi.Leaderboard(period, d, entries);
            }
            case "all-time" -> {
                List<ChallengeStore.Total> rows = store.allTime(BOARD_SIZE);
                Map<UUID, String> names = learners.displayNames(
                        rows.stream().map(ChallengeStore.Total::userId).toList());
                for (ChallengeStore.Total r : rows) {
                    entries.add(new ChallengeApi.BoardEntry(
                            entries.size() + 1,
                            r.userId(),
                            names.getOrDefault(r.userId(), "Learner"),
                            r.solved(),
                            r.attempts(),
                            null));
                }
                return new ChallengeApi.Leaderboard(period, null, entries);
            }
            default -> throw LearningProblem.invalidField("period", "period is daily or all-time.");
        }
    }
}
