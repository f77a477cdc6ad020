package io.lectern.learning.challenge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The challenge pool, its schedule, submissions and solves (tables {@code challenge*}). */
@Component
class ChallengeStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    record Challenge(
            UUID id,
            ChallengeApi.Kind kind,
            String title,
            String prompt,
            List<String> options,
            @Nullable String starterCode,
            @Nullable String language,
            String answerKey,
            String explanation,
            @Nullable UUID postId,
            int maxAttempts,
            @Nullable Instant retiredAt) {}

    record Solve(UUID userId, int attempts, Instant solvedAt) {}

    record Total(UUID userId, int solved, int attempts) {}

    private static final String COLUMNS = "id, kind, title, prompt, options::text AS options, starter_code, language,"
            + " answer_key, explanation, post_id, max_attempts, retired_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChallengeStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Challenge c, UUID by) {
        jdbc.sql("""
                        INSERT INTO challenge (id, kind, title, prompt, options, starter_code, language, answer_key, explanation,
                                               post_id, max_attempts, created_by)
                        VALUES (:id, :kind, :title, :prompt, :options::jsonb, :starter, :language, :key, :explanation, :post,
                                :max, :by)
                        """)
                .param("id", c.id())
                .param("kind", c.kind().name())
                .param("title", c.title())
                .param("prompt", c.prompt())
                .param("options", json.writeValueAsString(c.options()))
                .param("starter", c.starterCode())
                .param("language", c.language())
                .param("key", c.answerKey())
                .param("explanation", c.explanation())
                .param("post", c.postId())
                .param("max", c.maxAttempts())
                .param("by", by)
                .update();
    }

    boolean update(Challenge c) {
        return jdbc.sql("""
                        UPDATE challenge SET kind = :kind, title = :title, prompt = :prompt, options = :options::jsonb,
                               starter_code = :starter, language = :language, answer_key = :key, explanation = :explanation,
                               post_id = :post, max_attempts = :max, updated_at = now()
                        WHERE id = :id AND retired_at IS NULL
                        """)
                        .param("id", c.id())
                        .param("kind", c.kind().name())
                        .param("title", c.title())
                        .param("prompt", c.prompt())
                        .param("options", json.writeValueAsString(c.options()))
                        .param("starter", c.starterCode())
                        .param("language", c.language())
                        .param("key", c.answerKey())
                        .param("explanation", c.explanation())
                        .param("post", c.postId())
                        .param("max", c.maxAttempts())
                        .update()
                == 1;
    }

    Optional<Challenge> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM challenge WHERE id = :id")
                .param("id", id)
                .query(this::challenge)
                .optional();
    }

    List<Challenge> pool() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM challenge ORDER BY created_at DESC")
                .query(this::challenge)
                .list();
    }

    Optional<Challenge> scheduledOn(LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM challenge WHERE id = (SELECT challenge_id FROM challenge_schedule WHERE day = :day)")
                .param("day", day)
                .query(this::challenge)
                .optional();
    }

    List<LocalDate> daysOf(UUID challengeId) {
        return jdbc.sql("SELECT day FROM challenge_schedule WHERE challenge_id = :id ORDER BY day")
                .param("id", challengeId)
                .query(LocalDate.class)
                .list();
    }

    /** Puts {@code challengeId} on {@code day}, replacing what was there (callers only allow future days). */
    void schedule(LocalDate day, UUID challengeId) {
        jdbc.sql("""
                        INSERT INTO challenge_schedule (day, challenge_id) VALUES (:day, :id)
                        ON CONFLICT (day) DO UPDATE SET challenge_id = EXCLUDED.challenge_id
                        """).param("day", day).param("id", challengeId).update();
    }

    void retire(UUID id, LocalDate after) {
        jdbc.sql("UPDATE challenge SET retired_at = now() WHERE id = :id AND retired_at IS NULL")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM challenge_schedule WHERE challenge_id = :id AND day > :after")
                .param("id", id)
                .param("after", after)
                .update();
    }

    int attemptsUsed(UUID userId, LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM challenge_submission WHERE user_id = :user AND day = :day")
                .param("user", userId)
                .param("day", day)
                .query(Integer.class)
                .single();
    }

    void insertSubmission(UUID userId, LocalDate day, UUID challengeId, int attemptNo, boolean correct, Instant at) {
        jdbc.sql("""
                        INSERT INTO challenge_submission (id, user_id, day, challenge_id, attempt_no, correct, submitted_at)
                        VALUES (:id, :user, :day, :challenge, :no, :correct, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("user", userId)
                .param("day", day)
                .param("challenge", challengeId)
                .param("no", attemptNo)
                .param("correct", correct)
                .param("at", Timestamp.from(at))
                .update();
    }

    boolean solved(UUID userId, LocalDate day) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM challenge_solve WHERE user_id = :user AND day = :day)")
                .param("user", userId)
                .param("day", day)
                .query(Boolean.class)
                .single();
    }

    void insertSolve(UUID userId, LocalDate day, UUID challengeId, int attempts, int seconds, Instant at) {
        jdbc.sql("""
                        INSERT INTO challenge_solve (user_id, day, challenge_id, attempts, seconds, solved_at)
                        VALUES (:user, :day, :challenge, :attempts, :seconds, :at)
                        """)
                .param("user", userId)
                .param("day", day)
                .param("challenge", challengeId)
                .param("attempts", attempts)
                .param("seconds", seconds)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Solve> daily(LocalDate day, int limit) {
        return jdbc.sql("SELECT user_id, attempts, solved_at FROM challenge_solve WHERE day = :day"
                        + " ORDER BY attempts, solved_at LIMIT :limit")
                .param("day", day)
                .param("limit", limit)
                .query((rs, n) -> new Solve(
                        rs.getObject("user_id", UUID.class),
                        rs.getInt("attempts"),
                        rs.getObject("solved_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    List<Total> allTime(int limit) {
        return jdbc.sql("SELECT user_id, count(*) AS solved, sum(attempts) AS attempts FROM challenge_solve"
                        + " GROUP BY user_id ORDER BY solved DESC, attempts, user_id LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) ->
                        new Total(rs.getObject("user_id", UUID.class), rs.getInt("solved"), rs.getInt("attempts")))
                .list();
    }

    void erase(UUID userId) {
        jdbc.sql("DELETE FROM challenge_solve WHERE user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("DELETE FROM challenge_submission WHERE user_id = :user")
                .param("user", userId)
                .update();
    }

    private Challenge challenge(ResultSet rs, int n) throws SQLException {
        OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
        return new Challenge(
                rs.getObject("id", UUID.class),
                ChallengeApi.Kind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("prompt"),
                json.readValue(rs.getString("options"), STRINGS),
                rs.getString("starter_code"),
                rs.getString("language"),
                rs.getString("answer_key"),
                rs.getString("explanation"),
                rs.getObject("post_id", UUID.class),
                rs.getInt("max_attempts"),
                retired == null ? null : retired.toInstant());
    }
}
