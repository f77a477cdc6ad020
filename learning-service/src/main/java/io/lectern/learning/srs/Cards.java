package io.lectern.learning.srs;

import io.lectern.learning.srs.Card.CardKind;
import io.lectern.learning.srs.Card.CardOrigin;
import io.lectern.learning.srs.Card.SourceStatus;
import io.lectern.learning.srs.fsrs.MemoryState;
import io.lectern.learning.srs.fsrs.SchedulingState;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The card store: the only code that reads or writes {@code srs_card}. */
@Component
class Cards {

    static final String COLUMNS = """
            id, user_id, kind, front, back, origin, sibling_key, note_id, post_id, anchor, source_text,
            source_status, source_new_text, suspended, buried_until, state, step, stability, difficulty, due,
            last_review, reps, lapses, scheduled_days, version, created_at""";

    private final JdbcClient jdbc;

    Cards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewCard(
            UUID userId,
            CardKind kind,
            String front,
            String back,
            CardOrigin origin,
            @Nullable String siblingKey,
            @Nullable UUID noteId,
            @Nullable UUID postId,
            @Nullable String anchor,
            @Nullable String sourceText,
            @Nullable String sourceHash,
            @Nullable String authorCardKey) {}

    /** Inserts the card; for an adopted author card, returns empty when the reader already has it. */
    Optional<Card> insert(NewCard c, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into srs_card (id, user_id, kind, front, back, origin, sibling_key, note_id, post_id, anchor,
                                              source_text, source_hash, author_card_key, due, created_at)
                        values (:id, :user, :kind, :front, :back, :origin, :sibling, :note, :post, :anchor,
                                :sourceText, :sourceHash, :authorKey, :now, :now)
                        on conflict do nothing
                        """)
                .param("id", id)
                .param("user", c.userId())
                .param("kind", c.kind().name())
                .param("front", c.front())
                .param("back", c.back())
                .param("origin", c.origin().name())
                .param("sibling", c.siblingKey())
                .param("note", c.noteId())
                .param("post", c.postId())
                .param("anchor", c.anchor())
                .param("sourceText", c.sourceText())
                .param("sourceHash", c.sourceHash())
                .param("authorKey", c.authorCardKey())
                .param("now", Timestamp.from(now))
                .update();
        return inserted == 0 ? Optional.empty() : find(c.userId(), id);
    }

    Optional<Card> find(UUID userId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from srs_card where id = :id and user_id = :user")
                .param("id", id)
                .param("user", userId)
                .query(Cards::card)
                .optional();
    }

    /** The card, locked until the caller's transaction ends (one review at a time per card). */
    Optional<Card> lock(UUID userId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from srs_card where id = :id and user_id = :user for update")
                .param("id", id)
                .param("user", userId)
                .query(Cards::card)
                .optional();
    }

    List<Card> page(UUID userId, @Nullable UUID postId, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from srs_card where user_id = :user"
                        + (postId == null ? "" : " and post_id = :post")
                        + " order by created_at, id limit :limit offset :offset")
                .param("user", userId)
                .param("post", postId)
                .param("limit", limit)
                .param("offset", offset)
                .query(Cards::card)
                .list();
    }

    void saveScheduling(UUID id, SchedulingState s) {
        MemoryState m = s.memory();
        jdbc.sql("""
                        update srs_card set state = :state, step = :step, stability = :stability, difficulty = :difficulty,
                            due = :due, last_review = :lastReview, reps = :reps, lapses = :lapses,
                            scheduled_days = :days, version = version + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("state", s.state().name())
                .param("step", s.step())
                .param("stability", m == null ? null : m.stability())
                .param("difficulty", m == null ? null : m.difficulty())
                .param("due", Timestamp.from(s.due()))
                .param("lastReview", s.lastReview() == null ? null : Timestamp.from(s.lastReview()))
                .param("reps", s.reps())
                .param("lapses", s.lapses())
                .param("days", s.scheduledDays())
                .update();
    }

    void setSuspended(UUID id, boolean suspended) {
        jdbc.sql("update srs_card set suspended = :s, version = version + 1 where id = :id")
                .param("id", id)
                .param("s", suspended)
                .update();
    }

    void bury(UUID id, LocalDate through) {
        jdbc.sql("update srs_card set buried_until = :d, version = version + 1 where id = :id")
                .param("id", id)
                .param("d", Date.valueOf(through))
                .update();
    }

    /**
     * New front and back. Editing a card whose source changed takes the new section text as its source
     * (the reader has seen it beside the card), which clears the flag.
     */
    void edit(Card card, String front, String back) {
        boolean takeNewSource = card.sourceStatus() == Card.SourceStatus.CHANGED && card.sourceNewText() != null;
        jdbc.sql("""
                        update srs_card set front = :front, back = :back, version = version + 1,
                            source_status = case when :take then 'CURRENT' else source_status end,
                            source_text = case when :take then source_new_text else source_text end,
                            source_hash = case when :take then :hash else source_hash end,
                            source_new_text = case when :take then null else source_new_text end
                        where id = :id
                        """)
                .param("id", card.id())
                .param("front", front)
                .param("back", back)
                .param("take", takeNewSource)
                .param("hash", takeNewSource ? Sections.hash(card.sourceNewText()) : null)
                .update();
    }

    boolean delete(UUID userId, UUID id) {
        return jdbc.sql("delete from srs_card where id = :id and user_id = :user")
                        .param("id", id)
                        .param("user", userId)
                        .update()
                > 0;
    }

    static Card card(ResultSet rs, int row) throws SQLException {
        Date buried = rs.getDate("buried_until");
        Timestamp last = rs.getTimestamp("last_review");
        return new Card(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                CardKind.valueOf(rs.getString("kind")),
                rs.getString("front"),
                rs.getString("back"),
                CardOrigin.valueOf(rs.getString("origin")),
                rs.getString("sibling_key"),
                rs.getObject("note_id", UUID.class),
                rs.getObject("post_id", UUID.class),
                rs.getString("anchor"),
                rs.getString("source_text"),
                SourceStatus.valueOf(rs.getString("source_status")),
                rs.getString("source_new_text"),
                rs.getBoolean("suspended"),
                buried == null ? null : buried.toLocalDate(),
                Card.scheduling(
                        rs.getString("state"),
                        rs.getInt("step"),
                        (Double) rs.getObject("stability"),
                        (Double) rs.getObject("difficulty"),
                        rs.getTimestamp("due").toInstant(),
                        last == null ? null : last.toInstant(),
                        rs.getInt("reps"),
                        rs.getInt("lapses"),
                        rs.getInt("scheduled_days")),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant());
    }
}
