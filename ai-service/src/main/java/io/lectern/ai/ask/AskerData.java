package io.lectern.ai.ask;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What Ask-AI keeps about one asker (threads, questions with their answers, feedback), for erasure. */
@Component
public class AskerData {

    private final JdbcClient jdbc;

    AskerData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes the asker's feedback, questions and threads (a question can carry personal data). */
    public void forget(UUID userId) {
        jdbc.sql("DELETE FROM feedback WHERE user_id = :u").param("u", userId).update();
        jdbc.sql("DELETE FROM answer WHERE user_id = :u").param("u", userId).update();
        jdbc.sql("DELETE FROM thread WHERE user_id = :u").param("u", userId).update();
    }
}
