package io.lectern.learning.interview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The interview question bank and sessions (tables {@code interview_*}). */
@Component
class InterviewStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    record Session(
            UUID id,
            UUID userId,
            @Nullable UUID seriesId,
            @Nullable String tag,
            @Nullable Integer timeLimitSeconds,
            Instant startedAt,
            @Nullable Instant completedAt,
            @Nullable Double score,
            List<String> strengths,
            List<String> gaps,
            @Nullable String feedbackMethod) {}

    record Item(
            int position,
            String source,
            String prompt,
            String reference,
            @Nullable UUID postId,
            @Nullable String anchor,
            @Nullable Instant askedAt,
            @Nullable String answer,
            @Nullable Instant answeredAt,
            @Nullable Double score,
            @Nullable String feedback,
            @Nullable String method,
            List<String> coveredTerms,
            List<String> missingTerms) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InterviewStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insertBank(InterviewApi.BankQuestion q, UUID by) {
        jdbc.sql("""
                        INSERT INTO interview_question (id, series_id, tag, prompt, reference, post_id, anchor, author_id)
                        VALUES (:id, :series, :tag, :prompt, :reference, :post, :anchor, :by)
                        """)
                .param("id", q.id())
                .param("series", q.seriesId())
                .param("tag", q.tag())
                .param("prompt", q.prompt())
                .param("reference", q.reference())
                .param("post", q.postId())
                .param("anchor", q.anchor())
                .param("by", by)
                .update();
    }

    List<InterviewApi.BankQuestion> bank(@Nullable UUID seriesId, @Nullable String tag) {
        return jdbc.sql("""
                        SELECT id, series_id, tag, prompt, reference, post_id, anchor FROM interview_question
                        WHERE retired_at IS NULL
                          AND ((CAST(:series AS uuid) IS NOT NULL AND series_id = :series)
                               OR (CAST(:tag AS text) IS NOT NULL AND tag = :tag))
                        ORDER BY created_at, id
                        """)
                .param("series", seriesId)
                .param("tag", tag)
                .query((rs, n) -> new InterviewApi.BankQuestion(
                        rs.getObject("id", UUID.class),
                        rs.getObject("series_id", UUID.class),
                        rs.getString("tag"),
                        rs.getString("prompt"),
                        rs.getString("reference"),
                        rs.getObject("post_id", UUID.class),
                        rs.getString("anchor")))
                .list();
    }

    boolean retireBank(UUID id) {
        return jdbc.sql("UPDATE interview_question SET retired_at = now() WHERE id = :id AND retired_at IS NULL")
                        .param("id", id)
                        .update()
                == 1;
    }

    void insertSession(Session s, List<Item> items) {
        jdbc.sql("""
                        INSERT INTO interview_session (id, user_id, series_id, tag, time_limit_s, started_at)
                        VALUES (:id, :user, :series, :tag, :limit, :started)
                        """)
                .param("id", s.id())
                .param("user", s.userId())
                .param("series", s.seriesId())
                .param("tag", s.tag())
                .param("limit", s.timeLimitSeconds())
                .param("started", Timestamp.from(s.startedAt()))
                .update();
        for (Item i : items) {
            jdbc.sql("""
                            INSERT INTO interview_item (session_id, position, source, prompt, reference, post_id, anchor, asked_at)
                            VALUES (:session, :position, :source, :prompt, :reference, :post, :anchor, :asked)
                            """)
                    .param("session", s.id())
                    .param("position", i.position())
                    .param("source", i.source())
                    .param("prompt", i.prompt())
                    .param("reference", i.reference())
                    .param("post", i.postId())
                    .param("anchor", i.anchor())
                    .param("asked", i.askedAt() == null ? null : Timestamp.from(i.askedAt()))
                    .update();
        }
    }

    private static final String SESSION_COLUMNS =
            "id, user_id, series_id, tag, time_limit_s, started_at, completed_at, score,"
                    + " strengths::text AS strengths, gaps::text AS gaps, feedback_method";

    Optional<Session> find(UUID id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM interview_session WHERE id = :id")
                .param("id", id)
                .query(this::session)
                .optional();
    }

    Optional<Session> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM interview_session WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::session)
                .optional();
    }

    List<Session> forUser(UUID userId) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS
                        + " FROM interview_session WHERE user_id = :user ORDER BY started_at DESC LIMIT 100")
                .param("user", userId)
                .query(this::session)
                .list();
    }

    List<Item> items(UUID sessionId) {
        return jdbc.sql("""
                        SELECT position, source, prompt, reference, post_id, anchor, asked_at, answer, answered_at, score, feedback,
                               method, covered_terms::text AS covered, missing_terms::text AS missing
                        FROM interview_item WHERE session_id = :session ORDER BY position
                        """)
                .param("session", sessionId)
                .query((rs, n) -> new Item(
                        rs.getInt("position"),
                        rs.getString("source"),
                        rs.getString("prompt"),
                        rs.getString("reference"),
                        rs.getObject("post_id", UUID.class),
                        rs.getString("anchor"),
                        instant(rs, "asked_at"),
                        rs.getString("answer"),
                        instant(rs, "answered_at"),
                        rs.getObject("score", Double.class),
                        rs.getString("feedback"),
                        rs.getString("method"),
                        strings(rs.getString("covered")),
                        strings(rs.getString("missing"))))
                .list();
    }

    void answer(
            UUID sessionId,
            int position,
            String answer,
            Instant at,
            double score,
            String feedback,
            String method,
            List<String> covered,
            List<String> missing) {
        jdbc.sql("""
                        UPDATE interview_item SET answer = :answer, answered_at = :at, score = :score, feedback = :feedback,
                               method = :method, covered_terms = :covered::jsonb, missing_terms = :missing::jsonb
                        WHERE session_id = :session AND position = :position AND answered_at IS NULL
                        """)
                .param("session", sessionId)
                .param("position", position)
                .param("answer", answer)
                .param("at", Timestamp.from(at))
                .param("score", score)
                .param("feedback", feedback)
                .param("method", method)
                .param("covered", json.writeValueAsString(covered))
                .param("missing", json.writeValueAsString(missing))
                .update();
    }

    void asked(UUID sessionId, int position, Instant at) {
        jdbc.sql(
                        "UPDATE interview_item SET asked_at = :at WHERE session_id = :session AND position = :position AND asked_at IS NULL")
                .param("session", sessionId)
                .param("position", position)
                .param("at", Timestamp.from(at))
                .update();
    }

    void complete(UUID sessionId, Instant at, double score, List<String> strengths, List<String> gaps, String method) {
        jdbc.sql("""
                        UPDATE interview_session SET completed_at = :at, score = :score, strengths = :strengths::jsonb,
                               gaps = :gaps::jsonb, feedback_method = :method
                        WHERE id = :id
                        """)
                .param("id", sessionId)
                .param("at", Timestamp.from(at))
                .param("score", score)
                .param("strengths", json.writeValueAsString(strengths))
                .param("gaps", json.writeValueAsString(gaps))
                .param("method", method)
                .update();
    }

    void erase(UUID userId) {
        jdbc.sql("DELETE FROM interview_session WHERE user_id = :user")
                .param("user", userId)
                .update();
    }

    private List<String> strings(@Nullable String text) {
        return text == null ? List.of() : json.readValue(text, STRINGS);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private Session session(ResultSet rs, int n) throws SQLException {
        return new Session(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("series_id", UUID.class),
                rs.getString("tag"),
                rs.getObject("time_limit_s", Integer.class),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                instant(rs, "completed_at"),
                rs.getObject("score", Double.class),
                strings(rs.getString("strengths")),
                strings(rs.getString("gaps")),
                rs.getString("feedback_method"));
    }
}
