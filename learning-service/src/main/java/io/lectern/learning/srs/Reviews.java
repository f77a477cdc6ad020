package io.lectern.learning.srs;

import io.lectern.contracts.events.learning.CardReviewed;
import io.lectern.eventbus.EventPublisher;
import io.lectern.learning.learner.Learners;
import io.lectern.learning.srs.fsrs.Fsrs;
import io.lectern.learning.srs.fsrs.MemoryState;
import io.lectern.learning.srs.fsrs.Rating;
import io.lectern.learning.srs.fsrs.ReviewOutcome;
import io.lectern.learning.srs.fsrs.Scheduler;
import io.lectern.learning.srs.fsrs.SchedulingState;
import io.lectern.learning.streak.Activity;
import io.lectern.learning.xp.XpLedger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reviews: the one path every review takes (app and grade link alike). The card row is locked for the
 * transaction and the caller names the version it saw, so two concurrent submits of one review record
 * one; the review log row, the card's new state, the XP award, the study day and the
 * {@link CardReviewed} event commit together.
 */
@Service
class Reviews {

    enum Via {
        APP,
        EMAIL
    }

    record Recorded(UUID reviewId, Card card, ReviewOutcome outcome) {}

    private final Cards cards;
    private final SrsSettings settings;
    private final Learners learners;
    private final XpLedger xp;
    private final Activity activity;
    private final EventPublisher events;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SrsProperties props;
    private final Clock clock;
    private final Fsrs fsrs = Fsrs.withDefaults();

    Reviews(
            Cards cards,
            SrsSettings settings,
            Learners learners,
            XpLedger xp,
            Activity activity,
            EventPublisher events,
            JdbcClient jdbc,
            JsonMapper json,
            SrsProperties props,
            Clock clock) {
        this.cards = cards;
        this.settings = settings;
        this.learners = learners;
        this.xp = xp;
        this.activity = activity;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.props = props;
        this.clock = clock;
    }

    /** The scheduler for this user's settings. */
    Scheduler scheduler(UUID userId) {
        return new Scheduler(fsrs, settings.of(userId).scheduler(props.fuzz()));
    }

    ZoneId zone(UUID userId) {
        return learners.zoneOf(userId);
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Records a review.
     *
     * @param expectedVersion the card version the reader saw; null only for grade links, which are
     *     single-use by their own bookkeeping
     */
    @Transactional
    Recorded review(UUID userId, UUID cardId, int rating, long durationMs, @Nullable Long expectedVersion, Via via) {
        if (rating < 1 || rating > 4) {
            throw SrsProblem.invalid("rating", "rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy).");
        }
        if (durationMs < 0 || durationMs > 86_400_000L) {
            throw SrsProblem.invalid("durationMs", "durationMs must lie between 0 and 86400000.");
        }
        Card card = cards.lock(userId, cardId).orElseThrow(SrsProblem::cardNotFound);
        if (card.suspended()) {
            throw SrsProblem.suspended();
        }
        if (expectedVersion != null && expectedVersion != card.version()) {
            throw SrsProblem.stale(card.version());
        }
        Instant now = clock.instant();
        ZoneId zone = zone(userId);
        ReviewOutcome outcome =
                scheduler(userId).review(card.scheduling(), Rating.ofGrade(rating), now, zone, card.fuzzSeed());
        SchedulingState after = outcome.after();
        cards.saveScheduling(cardId, after);

        UUID reviewId = UUID.randomUUID();
        LocalDate day = LocalDate.ofInstant(now, zone);
        MemoryState memory = after.memory();
        jdbc.sql("""
                        insert into srs_review (id, card_id, user_id, rating, reviewed_at, local_date, duration_ms,
                            elapsed_days, state_before, state_after, stability, difficulty, scheduled_days, via, previous)
                        values (:id, :card, :user, :rating, :at, :day, :duration, :elapsed, :before, :after, :s, :d,
                            :days, :via, cast(:previous as jsonb))
                        """)
                .param("id", reviewId)
                .param("card", cardId)
                .param("user", userId)
                .param("rating", rating)
                .param("at", Timestamp.from(now))
                .param("day", Date.valueOf(day))
                .param("duration", (int) durationMs)
                .param("elapsed", outcome.elapsedDays())
                .param("before", outcome.stateBefore().name())
                .param("after", after.state().name())
                .param("s", memory == null ? 0.0 : memory.stability())
                .param("d", memory == null ? 0.0 : memory.difficulty())
                .param("days", after.scheduledDays())
                .param("via", via.name())
                .param("previous", snapshot(card.scheduling()))
                .update();

        xp.award(userId, props.xpRule(), "srs-review:" + reviewId, now);
        activity.record(userId, now);
        events.publish(
                userId.toString(),
                new CardReviewed(
                        reviewId,
                        userId,
                        cardId,
                        card.postId(),
                        rating,
                        outcome.stateBefore().name(),
                        after.state().name(),
                        after.scheduledDays(),
                        now,
                        day,
                        via.name().toLowerCase(java.util.Locale.ROOT)));
        return new Recorded(reviewId, cards.find(userId, cardId).orElseThrow(), outcome);
    }

    /**
     * Undoes the user's latest review: the card gets its scheduling state from before it back and the
     * log row goes. XP already awarded stays (the ledger is append-only; a review redone after an undo
     * is a new review).
     */
    @Transactional
    Card undoLast(UUID userId) {
        record Last(UUID id, UUID cardId, String previous) {}
        Last last = jdbc.sql("""
                        select id, card_id, previous::text as previous from srs_review
                        where user_id = :user order by reviewed_at desc, id desc limit 1
                        """)
                .param("user", userId)
                .query((rs, n) -> new Last(
                        rs.getObject("id", UUID.class), rs.getObject("card_id", UUID.class), rs.getString("previous")))
                .optional()
                .orElseThrow(SrsProblem::nothingToUndo);
        cards.lock(userId, last.cardId()).orElseThrow(SrsProblem::cardNotFound);
        cards.saveScheduling(last.cardId(), restore(last.previous()));
        jdbc.sql("delete from srs_review where id = :id").param("id", last.id()).update();
        return cards.find(userId, last.cardId()).orElseThrow();
    }

    Optional<Card> find(UUID userId, UUID cardId) {
        return cards.find(userId, cardId);
    }

    private String snapshot(SchedulingState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state().name());
        m.put("step", s.step());
        m.put("stability", s.memory() == null ? null : s.memory().stability());
        m.put("difficulty", s.memory() == null ? null : s.memory().difficulty());
        m.put("due", s.due().toString());
        m.put("lastReview", s.lastReview() == null ? null : s.lastReview().toString());
        m.put("reps", s.reps());
        m.put("lapses", s.lapses());
        m.put("scheduledDays", s.scheduledDays());
        return json.writeValueAsString(m);
    }

    private SchedulingState restore(String snapshot) {
        JsonNode n = json.readTree(snapshot);
        return Card.scheduling(
                n.get("state").asString(),
                n.get("step").asInt(),
                n.get("stability").isNull() ? null : n.get("stability").asDouble(),
                n.get("difficulty").isNull() ? null : n.get("difficulty").asDouble(),
                Instant.parse(n.get("due").asString()),
                n.get("lastReview").isNull()
                        ? null
                        : Instant.parse(n.get("lastReview").asString()),
                n.get("reps").asInt(),
                n.get("lapses").asInt(),
                n.get("scheduledDays").asInt());
    }
}
