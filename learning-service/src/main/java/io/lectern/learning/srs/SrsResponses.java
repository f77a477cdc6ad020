package io.lectern.learning.srs;

import io.lectern.learning.srs.fsrs.MemoryState;
import io.lectern.learning.srs.fsrs.Rating;
import io.lectern.learning.srs.fsrs.ReviewOutcome;
import io.lectern.learning.srs.fsrs.Scheduler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The response records of the spaced-repetition API, each built from a row in one place. */
final class SrsResponses {

    private SrsResponses() {}

    record CardResponse(
            UUID id,
            String kind,
            String front,
            String back,
            String origin,
            @Nullable UUID postId,
            @Nullable String anchor,
            @Nullable UUID noteId,
            String sourceStatus,
            @Nullable String sourceText,
            @Nullable String sourceNewText,
            boolean suspended,
            @Nullable LocalDate buriedUntil,
            String state,
            Instant due,
            @Nullable Instant lastReview,
            @Nullable Double stability,
            @Nullable Double difficulty,
            int reps,
            int lapses,
            int scheduledDays,
            long version) {

        static CardResponse of(Card c) {
            MemoryState m = c.scheduling().memory();
            return new CardResponse(
                    c.id(),
                    c.kind().name(),
                    c.front(),
                    c.back(),
                    c.origin().name(),
                    c.postId(),
                    c.anchor(),
                    c.noteId(),
                    c.sourceStatus().name(),
                    c.sourceText(),
                    c.sourceNewText(),
                    c.suspended(),
                    c.buriedUntil(),
                    c.scheduling().state().name(),
                    c.scheduling().due(),
                    c.scheduling().lastReview(),
                    m == null ? null : m.stability(),
                    m == null ? null : m.difficulty(),
                    c.scheduling().reps(),
                    c.scheduling().lapses(),
                    c.scheduling().scheduledDays(),
                    c.version());
        }
    }

    /** What each answer button would do: the next due time and interval in days. */
    record Choice(int rating, Instant due, int scheduledDays) {}

    record QueueItem(CardResponse card, List<Choice> choices) {}

    record QueueResponse(LocalDate day, int dueCount, int newRemaining, List<QueueItem> items) {

        static QueueResponse of(ReviewQueue.Queue q, Scheduler scheduler, Instant now, ZoneId zone) {
            List<QueueItem> items = q.cards().stream()
                    .map(c -> {
                        Map<Rating, ReviewOutcome> preview = scheduler.preview(c.scheduling(), now, zone, c.fuzzSeed());
                        List<Choice> choices = preview.values().stream()
                                .map(o -> new Choice(
                                        o.rating().grade(),
                                        o.after().due(),
                                        o.after().scheduledDays()))
                                .toList();
                        return new QueueItem(CardResponse.of(c), choices);
                    })
                    .toList();
            return new QueueResponse(q.day(), q.dueCount(), q.newRemaining(), items);
        }
    }

    record ReviewResponse(UUID reviewId, int rating, String stateBefore, int elapsedDays, CardResponse card) {

        static ReviewResponse of(Reviews.Recorded r) {
            return new ReviewResponse(
                    r.reviewId(),
                    r.outcome().rating().grade(),
                    r.outcome().stateBefore().name(),
                    r.outcome().elapsedDays(),
                    CardResponse.of(r.card()));
        }
    }

    record ReviewLogEntry(
            UUID id,
            int rating,
            Instant reviewedAt,
            LocalDate localDate,
            int durationMs,
            int elapsedDays,
            String stateBefore,
            String stateAfter,
            double stability,
            double difficulty,
            int scheduledDays,
            String via) {}

    record SettingsResponse(double desiredRetention, int newPerDay, int maximumInterval, boolean inboxReview) {

        static SettingsResponse of(SrsSettings.Settings s) {
            return new SettingsResponse(s.desiredRetention(), s.newPerDay(), s.maximumInterval(), s.inboxReview());
        }
    }

    record DraftResponse(
            UUID id,
            UUID postId,
            String kind,
            String front,
            String back,
            @Nullable String anchor,
            String generator) {

        static DraftResponse of(CardFactory.Draft d) {
            return new DraftResponse(
                    d.id(), d.postId(), d.kind().name(), d.front(), d.back(), d.anchor(), d.generator());
        }
    }

    record StatsResponse(
            List<SrsStats.DayCount> reviewsPerDay,
            @Nullable Double trueRetention30d,
            int matureReviews30d,
            List<SrsStats.Forecast> dueForecast,
            Map<String, Integer> cardsPerState,
            int suspended,
            List<Integer> retrievabilityHistogram) {

        static StatsResponse of(SrsStats.Overview o) {
            return new StatsResponse(
                    o.reviewsPerDay(),
                    o.trueRetention30d(),
                    o.matureReviews30d(),
                    o.dueForecast(),
                    o.cardsPerState(),
                    o.suspended(),
                    o.retrievabilityHistogram());
        }
    }

    record RememberedResponse(
            String scope,
            UUID id,
            int cards,
            int reviewed,
            @Nullable Double averageRetrievability,
            int dueToday) {}

    record GradeLinkResponse(
            boolean recorded,
            UUID cardId,
            int rating,
            String message,
            @Nullable Instant nextDue) {

        static GradeLinkResponse of(InboxReviews.Clicked c) {
            return new GradeLinkResponse(c.recorded(), c.cardId(), c.rating(), c.message(), c.nextDue());
        }
    }
}
