package io.lectern.ai.ask;

import io.lectern.platform.web.ProblemException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Threads, the question log (every answer with how it was made, and the sources it cited) and feedback.
 */
@Component
class AnswerLog {

    /** One question of a thread with its answer and the sources it was given with (none for old answers). */
    record Turn(
            UUID answerId,
            String question,
            String answer,
            String mode,
            boolean uncertain,
            Instant at,
            List<Citation> citations) {}

    record Logged(
            UUID id,
            @Nullable UUID threadId,
            @Nullable UUID userId,
            String question,
            String searchText,
            String mode,
            boolean uncertain,
            double topScore,
            String answer,
            List<UUID> postIds,
            List<Citation> citations) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    AnswerLog(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    UUID newThread(UUID userId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO thread (id, user_id, created_at) VALUES (:id, :u, now())")
                .param("id", id)
                .param("u", userId)
                .update();
        return id;
    }

    /** The thread if it exists and belongs to {@code userId}; otherwise a 404 problem (no hint which). */
    void requireOwnThread(UUID threadId, @Nullable UUID userId) {
        boolean own = userId != null
                && jdbc.sql("SELECT count(*) FROM thread WHERE id = :id AND user_id = :u")
                                .param("id", threadId)
                                .param("u", userId)
                                .query(Integer.class)
                                .single()
                        == 1;
        if (!own) {
            throw ProblemException.notFound("Thread " + threadId).with("field", "threadId");
        }
    }

    List<Turn> turns(UUID threadId) {
        Map<UUID, List<Citation>> cited = new HashMap<>();
        jdbc.sql("""
                SELECT c.answer_id, c.number, c.post_id, c.title, c.slug, c.heading_path, c.anchor, c.url,
                       c.snippet, c.premium
                FROM answer_citation c JOIN answer a ON a.id = c.answer_id
                WHERE a.thread_id = :t ORDER BY c.answer_id, c.number
                """).param("t", threadId).query(rs -> {
            cited.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                    .add(new Citation(
                            rs.getInt(2),
                            rs.getObject(3, UUID.class),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getBoolean(10)));
        });
        return jdbc.sql("SELECT id, question, answer_text, mode, uncertain, created_at FROM answer"
                        + " WHERE thread_id = :t ORDER BY created_at")
                .param("t", threadId)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new Turn(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBoolean(5),
                            rs.getTimestamp(6).toInstant(),
                            List.copyOf(cited.getOrDefault(id, List.of())));
                })
                .list();
    }

    record ThreadSummary(UUID id, Instant createdAt, String firstQuestion, int turns) {}

    List<ThreadSummary> threads(UUID userId) {
        return jdbc.sql("""
                SELECT t.id, t.created_at,
                       (SELECT question FROM answer a WHERE a.thread_id = t.id ORDER BY created_at LIMIT 1),
                       (SELECT count(*) FROM answer a WHERE a.thread_id = t.id)
                FROM thread t WHERE t.user_id = :u ORDER BY t.created_at DESC LIMIT 50
                """)
                .param("u", userId)
                .query((rs, n) -> new ThreadSummary(
                        rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3) == null ? "" : rs.getString(3),
                        rs.getInt(4)))
                .list();
    }

    /** Stores the answer with its citations in one transaction: both or neither. */
    void record(Logged a) {
        tx.executeWithoutResult(status -> {
            insertAnswer(a);
            for (Citation c : a.citations()) {
                insertCitation(a.id(), c);
            }
        });
    }

    private void insertAnswer(Logged a) {
        jdbc.sql("""
                INSERT INTO answer (id, thread_id, user_id, question, search_text, mode, uncertain, top_score,
                                    answer_text, post_ids, created_at)
                VALUES (:id, :thread, :user, :q, :search, :mode, :uncertain, :score, :answer, CAST(:posts AS uuid[]),
                        :at)
                """)
                .param("id", a.id())
                .param("thread", a.threadId())
                .param("user", a.userId())
                .param("q", a.question())
                .param("search", a.searchText())
                .param("mode", a.mode())
                .param("uncertain", a.uncertain())
                .param("score", a.topScore())
                .param("answer", a.answer())
                .param(
                        "posts",
                        "{"
                                + String.join(
                                        ",",
                                        a.postIds().stream().map(UUID::toString).toList()) + "}")
                .param("at", Timestamp.from(Instant.now()))
                .update();
    }

    private void insertCitation(UUID answerId, Citation c) {
        jdbc.sql("""
                INSERT INTO answer_citation (answer_id, number, post_id, title, slug, heading_path, anchor, url,
                                             snippet, premium)
                VALUES (:answer, :number, :post, :title, :slug, :heading, :anchor, :url, :snippet, :premium)
                """)
                .param("answer", answerId)
                .param("number", c.number())
                .param("post", c.postId())
                .param("title", c.title())
                .param("slug", c.slug())
                .param("heading", c.headingPath())
                .param("anchor", c.anchor())
                .param("url", c.url())
                .param("snippet", c.snippet())
                .param("premium", c.premium())
                .update();
    }

    /** Feedback on one's own answer; someone else's (or an anonymous one) is refused. */
    void feedback(UUID answerId, UUID userId, boolean helpful, @Nullable String reason) {
        UUID owner = jdbc.sql("SELECT user_id FROM answer WHERE id = :id")
                .param("id", answerId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional()
                .orElseThrow(
                        () -> ProblemException.notFound("Answer " + answerId).with("field", "answerId"));
        if (!userId.equals(owner)) {
            throw ProblemException.forbidden("Feedback can only be given on your own answers.")
                    .with("field", "answerId");
        }
        jdbc.sql("""
                INSERT INTO feedback (answer_id, user_id, helpful, reason, created_at) VALUES (:a, :u, :h, :r, now())
                ON CONFLICT (answer_id) DO UPDATE SET helpful = EXCLUDED.helpful, reason = EXCLUDED.reason,
                    created_at = now()
                """)
                .param("a", answerId)
                .param("u", userId)
                .param("h", helpful)
                .param("r", reason)
                .update();
    }

    record LogEntry(
            UUID answerId,
            String question,
            String mode,
            boolean uncertain,
            double topScore,
            @Nullable Boolean helpful,
            @Nullable String reason,
            Instant at) {}

    List<LogEntry> recent(int limit) {
        return jdbc.sql("""
                SELECT a.id, a.question, a.mode, a.uncertain, a.top_score, f.helpful, f.reason, a.created_at
                FROM answer a LEFT JOIN feedback f ON f.answer_id = a.id
                ORDER BY a.created_at DESC LIMIT :n
                """)
                .param("n", limit)
                .query((rs, n) -> new LogEntry(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getDouble(5),
                        (Boolean) rs.getObject(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    record UnansweredGroup(
            String question,
            int times,
            Instant lastAskedAt,
            List<String> variants,
            @Nullable UUID closestPostId,
            @Nullable String closestPostTitle,
            int thumbsDown) {}

    /**
     * Questions the posts could not answer: answers labelled uncertain or voted down, grouped by their
     * normalised wording, most frequent first. Authors see the ones whose closest post is theirs.
     */
    List<UnansweredGroup> unanswered(@Nullable UUID authorId, int limit) {
        return jdbc.sql("""
                WITH weak AS (
                  SELECT a.*, f.helpful,
                         regexp_replace(lower(a.question), '[^a-z0-9 ]+', '', 'g') AS norm
                  FROM answer a LEFT JOIN feedback f ON f.answer_id = a.id
                  WHERE a.uncertain OR f.helpful = false
                )
                SELECT min(w.question), count(*), max(w.created_at),
                       array_agg(DISTINCT w.question),
                       (array_agg(w.post_ids[1] ORDER BY w.created_at DESC))[1],
                       count(*) FILTER (WHERE w.helpful = false)
                FROM weak w
                LEFT JOIN post p ON p.id = w.post_ids[1]
                WHERE CAST(:author AS uuid) IS NULL OR p.author_id = CAST(:author AS uuid)
                GROUP BY regexp_replace(w.norm, '\\s+', ' ', 'g')
                ORDER BY count(*) DESC, max(w.created_at) DESC
                LIMIT :n
                """)
                .param("author", authorId == null ? null : authorId.toString())
                .param("n", limit)
                .query((rs, n) -> {
                    UUID closest = rs.getObject(5, UUID.class);
                    return new UnansweredGroup(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getTimestamp(3).toInstant(),
                            List.of((String[]) rs.getArray(4).getArray()).stream()
                                    .limit(5)
                                    .toList(),
                            closest,
                            closest == null ? null : title(closest),
                            rs.getInt(6));
                })
                .list();
    }

    private @Nullable String title(UUID postId) {
        return jdbc.sql("SELECT title FROM post WHERE id = :id")
                .param("id", postId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
