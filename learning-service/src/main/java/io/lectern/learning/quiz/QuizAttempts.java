package io.lectern.learning.quiz;

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

/** Quiz attempts, their question snapshots and graded answers (tables {@code quiz_attempt*}). */
@Component
class QuizAttempts {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Integer>> INTS = new TypeReference<>() {};

    enum Purpose {
        PRACTICE,
        FINAL,
        RETENTION
    }

    record Attempt(
            UUID id,
            UUID userId,
            @Nullable UUID postId,
            @Nullable UUID seriesId,
            Purpose purpose,
            String generator,
            boolean degraded,
            Instant startedAt,
            Instant expiresAt,
            @Nullable Instant submittedAt,
            @Nullable Double score,
            @Nullable Integer correctCount,
            int total,
            @Nullable Boolean passed) {}

    record Answer(
            UUID questionId,
            List<Integer> selected,
            @Nullable String text,
            boolean correct,
            double score,
            String feedback,
            String method,
            List<String> coveredTerms,
            List<String> missingTerms) {}

    record BoardRow(UUID userId, double score, Instant submittedAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    QuizAttempts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Attempt a, List<QuizQuestion> questions) {
        jdbc.sql("""
                        INSERT INTO quiz_attempt (id, user_id, post_id, series_id, purpose, generator, degraded, started_at,
                                                  expires_at, total)
                        VALUES (:id, :user, :post, :series, :purpose, :generator, :degraded, :started, :expires, :total)
                        """)
                .param("id", a.id())
                .param("user", a.userId())
                .param("post", a.postId())
                .param("series", a.seriesId())
                .param("purpose", a.purpose().name())
                .param("generator", a.generator())
                .param("degraded", a.degraded())
                .param("started", Timestamp.from(a.startedAt()))
                .param("expires", Timestamp.from(a.expiresAt()))
                .param("total", a.total())
                .update();
        int position = 0;
        for (QuizQuestion q : questions) {
            jdbc.sql("""
                            INSERT INTO quiz_attempt_question (attempt_id, question_id, position, source, post_id, type, prompt,
                                                               options, correct, answer_text, explanation, anchor, passage)
                            VALUES (:attempt, :question, :position, :source, :post, :type, :prompt, :options::jsonb,
                                    :correct::jsonb, :answer, :explanation, :anchor, :passage)
                            """)
                    .param("attempt", a.id())
                    .param("question", q.id())
                    .param("position", position++)
                    .param("source", q.source().name())
                    .param("post", q.postId())
                    .param("type", q.type().name())
                    .param("prompt", q.prompt())
                    .param("options", json.writeValueAsString(q.options()))
                    .param("correct", json.writeValueAsString(q.correct()))
                    .param("answer", q.answerText())
                    .param("explanation", q.explanation())
                    .param("anchor", q.anchor())
                    .param("passage", q.passage())
                    .update();
        }
    }

    private static final String ATTEMPT_COLUMNS = "id, user_id, post_id, series_id, purpose, generator, degraded,"
            + " started_at, expires_at, submitted_at, score, correct_count, total, passed";

    Optional<Attempt> find(UUID id) {
        return jdbc.sql("SELECT " + ATTEMPT_COLUMNS + " FROM quiz_attempt WHERE id = :id")
                .param("id", id)
                .query(QuizAttempts::attempt)
                .optional();
    }

    List<Attempt> history(UUID userId, @Nullable UUID postId, @Nullable UUID seriesId, int limit) {
        return jdbc.sql("SELECT " + ATTEMPT_COLUMNS + " FROM quiz_attempt WHERE user_id = :user"
                        + " AND (CAST(:post AS uuid) IS NULL OR post_id = :post)"
                        + " AND (CAST(:series AS uuid) IS NULL OR series_id = :series)"
                        + " ORDER BY started_at DESC LIMIT :limit")
                .param("user", userId)
                .param("post", postId)
                .param("series", seriesId)
                .param("limit", limit)
                .query(QuizAttempts::attempt)
                .list();
    }

    List<QuizQuestion> questions(UUID attemptId) {
        return jdbc.sql("""
                        SELECT question_id, source, post_id, type, prompt, options::text AS options, correct::text AS correct,
                               answer_text, explanation, anchor, passage
                        FROM quiz_attempt_question WHERE attempt_id = :attempt ORDER BY position
                        """)
                .param("attempt", attemptId)
                .query((rs, n) -> new QuizQuestion(
                        rs.getObject("question_id", UUID.class),
                        QuizQuestion.Source.valueOf(rs.getString("source")),
                        rs.getObject("post_id", UUID.class),
                        QuestionType.valueOf(rs.getString("type")),
                        rs.getString("prompt"),
                        json.readValue(rs.getString("options"), STRINGS),
                        json.readValue(rs.getString("correct"), INTS),
                        rs.getString("answer_text"),
                        rs.getString("explanation"),
                        rs.getString("anchor"),
                        rs.getString("passage")))
                .list();
    }

    /** Marks the attempt submitted with its result; false when it was already submitted or has expired. */
    boolean claimSubmission(UUID id, Instant at, double score, int correct, boolean passed) {
        return jdbc.sql("""
                        UPDATE quiz_attempt SET submitted_at = :at, score = :score, correct_count = :correct, passed = :passed
                        WHERE id = :id AND submitted_at IS NULL AND expires_at > :at
                        """)
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .param("score", score)
                        .param("correct", correct)
                        .param("passed", passed)
                        .update()
                == 1;
    }

    void insertAnswer(UUID attemptId, Answer a) {
        jdbc.sql("""
                        INSERT INTO quiz_attempt_answer (attempt_id, question_id, selected, text_answer, correct, score, feedback,
                                                         method, covered_terms, missing_terms)
                        VALUES (:attempt, :question, :selected::jsonb, :text, :correct, :score, :feedback, :method,
                                :covered::jsonb, :missing::jsonb)
                        """)
                .param("attempt", attemptId)
                .param("question", a.questionId())
                .param("selected", json.writeValueAsString(a.selected()))
                .param("text", a.text())
                .param("correct", a.correct())
                .param("score", a.score())
                .param("feedback", a.feedback())
                .param("method", a.method())
                .param("covered", json.writeValueAsString(a.coveredTerms()))
                .param("missing", json.writeValueAsString(a.missingTerms()))
                .update();
    }

    List<Answer> answers(UUID attemptId) {
        return jdbc.sql("""
                        SELECT question_id, selected::text AS selected, text_answer, correct, score, feedback, method,
                               covered_terms::text AS covered, missing_terms::text AS missing
                        FROM quiz_attempt_answer WHERE attempt_id = :attempt
                        """)
                .param("attempt", attemptId)
                .query((rs, n) -> new Answer(
                        rs.getObject("question_id", UUID.class),
                        json.readValue(rs.getString("selected"), INTS),
                        rs.getString("text_answer"),
                        rs.getBoolean("correct"),
                        rs.getDouble("score"),
                        rs.getString("feedback"),
                        rs.getString("method"),
                        json.readValue(rs.getString("covered"), STRINGS),
                        json.readValue(rs.getString("missing"), STRINGS)))
                .list();
    }

    /** Each user's best submitted score for a post's or a series' quiz, best first, earliest wins a tie. */
    List<BoardRow> leaderboard(@Nullable UUID postId, @Nullable UUID seriesId, int limit) {
        return jdbc.sql("""
                        SELECT user_id, score, submitted_at FROM (
                            SELECT DISTINCT ON (user_id) user_id, score, submitted_at FROM quiz_attempt
                            WHERE submitted_at IS NOT NULL
                              AND (CAST(:post AS uuid) IS NULL OR post_id = :post)
                              AND (CAST(:series AS uuid) IS NULL OR series_id = :series)
                            ORDER BY user_id, score DESC, submitted_at
                        ) best ORDER BY score DESC, submitted_at LIMIT :limit
                        """)
                .param("post", postId)
                .param("series", seriesId)
                .param("limit", limit)
                .query((rs, n) -> new BoardRow(
                        rs.getObject("user_id", UUID.class),
                        rs.getDouble("score"),
                        rs.getObject("submitted_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The latest passed attempt of a purpose for a series, submitted at or after {@code since}. */
    Optional<Instant> passedSince(UUID userId, UUID seriesId, Purpose purpose, Instant since) {
        return jdbc.sql("""
                        SELECT submitted_at FROM quiz_attempt
                        WHERE user_id = :user AND series_id = :series AND purpose = :purpose AND passed AND submitted_at >= :since
                        ORDER BY submitted_at DESC LIMIT 1
                        """)
                .param("user", userId)
                .param("series", seriesId)
                .param("purpose", purpose.name())
                .param("since", Timestamp.from(since))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    int erase(UUID userId) {
        return jdbc.sql("DELETE FROM quiz_attempt WHERE user_id = :user")
                .param("user", userId)
                .update();
    }

    private static Attempt attempt(ResultSet rs, int n) throws SQLException {
        OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
        return new Attempt(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("post_id", UUID.class),
                rs.getObject("series_id", UUID.class),
                Purpose.valueOf(rs.getString("purpose")),
                rs.getString("generator"),
                rs.getBoolean("degraded"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                submitted == null ? null : submitted.toInstant(),
                rs.getObject("score", Double.class),
                rs.getObject("correct_count", Integer.class),
                rs.getInt("total"),
                rs.getObject("passed", Boolean.class));
    }
}
