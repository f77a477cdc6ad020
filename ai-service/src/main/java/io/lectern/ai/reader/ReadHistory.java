package io.lectern.ai.reader;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The posts each reader has read, fed by learning-service's post-read events ({@link ReaderEvents})
 * (see docs/adr/0083); Ask-AI prefers passages from these posts and recommendations skip them.
 */
@Component
public class ReadHistory {

    private final JdbcClient jdbc;

    ReadHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void recordRead(UUID userId, UUID postId, Instant at) {
        jdbc.sql(
                        "INSERT INTO read_history (user_id, post_id, read_at) VALUES (:u, :p, :t)"
                                + " ON CONFLICT (user_id, post_id) DO UPDATE SET read_at = greatest(read_history.read_at, EXCLUDED.read_at)")
                .param("u", userId)
                .param("p", postId)
                .param("t", Timestamp.from(at))
                .update();
    }

    public List<UUID> postsReadBy(UUID userId, int max) {
        return jdbc.sql("SELECT post_id FROM read_history WHERE user_id = :u ORDER BY read_at DESC LIMIT :max")
                .param("u", userId)
                .param("max", max)
                .query(UUID.class)
                .list();
    }

    public void forget(UUID userId) {
        jdbc.sql("DELETE FROM read_history WHERE user_id = :u")
                .param("u", userId)
                .update();
    }
}
