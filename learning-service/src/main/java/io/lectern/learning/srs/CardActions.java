package io.lectern.learning.srs;

import io.lectern.learning.series.SeriesCatalog;
import io.lectern.learning.series.SeriesView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Suspend, bury, edit, delete a card, and read its review log. */
@Service
class CardActions {

    private final Cards cards;
    private final Reviews reviews;
    private final SeriesCatalog series;
    private final JdbcClient jdbc;
    private final Clock clock;

    CardActions(Cards cards, Reviews reviews, SeriesCatalog series, JdbcClient jdbc, Clock clock) {
        this.cards = cards;
        this.reviews = reviews;
        this.series = series;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Card> list(UUID userId, @Nullable UUID postId, int limit, int offset) {
        return cards.page(userId, postId, limit, offset);
    }

    /** The posts of a series (learning's series read model); 404 for a series learning does not know. */
    List<UUID> postsOfSeries(UUID seriesId) {
        return series.find(seriesId)
                .filter(s -> !s.deleted())
                .map(SeriesView::postIds)
                .orElseThrow(() -> SrsProblem.invalid("seriesId", "No such series."));
    }

    @Transactional
    Card suspend(UUID userId, UUID cardId, boolean suspended) {
        Card card = cards.lock(userId, cardId).orElseThrow(SrsProblem::cardNotFound);
        if (card.suspended() != suspended) {
            cards.setSuspended(cardId, suspended);
        }
        return cards.find(userId, cardId).orElseThrow();
    }

    /** Hides the card for the rest of the user's local day. */
    @Transactional
    Card bury(UUID userId, UUID cardId) {
        cards.lock(userId, cardId).orElseThrow(SrsProblem::cardNotFound);
        LocalDate today = LocalDate.ofInstant(clock.instant(), reviews.zone(userId));
        cards.bury(cardId, today);
        return cards.find(userId, cardId).orElseThrow();
    }

    @Transactional
    Card edit(UUID userId, UUID cardId, String front, String back) {
        String f = CardFactory.required(front, "front");
        String b = CardFactory.required(back, "back");
        Card card = cards.lock(userId, cardId).orElseThrow(SrsProblem::cardNotFound);
        cards.edit(card, f, b);
        return cards.find(userId, cardId).orElseThrow();
    }

    @Transactional
    void delete(UUID userId, UUID cardId) {
        if (!cards.delete(userId, cardId)) {
            throw SrsProblem.cardNotFound();
        }
    }

    List<SrsResponses.ReviewLogEntry> log(UUID userId, UUID cardId) {
        cards.find(userId, cardId).orElseThrow(SrsProblem::cardNotFound);
        return jdbc.sql("""
                        select id, rating, reviewed_at, local_date, duration_ms, elapsed_days, state_before, state_after,
                               stability, difficulty, scheduled_days, via
                        from srs_review where card_id = :card and user_id = :user order by reviewed_at, id
                        """)
                .param("card", cardId)
                .param("user", userId)
                .query((rs, n) -> new SrsResponses.ReviewLogEntry(
                        rs.getObject("id", UUID.class),
                        rs.getInt("rating"),
                        rs.getTimestamp("reviewed_at").toInstant(),
                        rs.getDate("local_date").toLocalDate(),
                        rs.getInt("duration_ms"),
                        rs.getInt("elapsed_days"),
                        rs.getString("state_before"),
                        rs.getString("state_after"),
                        rs.getDouble("stability"),
                        rs.getDouble("difficulty"),
                        rs.getInt("scheduled_days"),
                        rs.getString("via")))
                .list();
    }
}
