package io.lectern.ai.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.ai.support.AiIntegrationTest;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.contracts.events.learning.PostRead;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReaderEventsTest extends AiIntegrationTest {

    private long count(String table, UUID user) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE user_id = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    @Test
    void postReadFromLearningFillsTheReadHistoryAndUserDeletedRemovesEverythingOfTheReaderCitationsIncluded() {
        UUID reader = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        publishToBus(
                reader.toString(), new PostRead(reader, post, "a-post", null, Instant.parse("2026-11-01T10:00:00Z")));
        publishToBus(
                other.toString(), new PostRead(other, post, "a-post", null, Instant.parse("2026-11-01T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("read_history", reader) == 1 && count("read_history", other) == 1);

        UUID thread = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        jdbc.sql("INSERT INTO thread (id, user_id, created_at) VALUES (:id, :u, now())")
                .param("id", thread)
                .param("u", reader)
                .update();
        jdbc.sql("INSERT INTO answer (id, thread_id, user_id, question, search_text, mode, uncertain, top_score,"
                        + " answer_text, post_ids, created_at) VALUES (:id, :t, :u, 'my question', 'my question',"
                        + " 'extractive', false, 0.5, 'an answer', '{}', now())")
                .param("id", answer)
                .param("t", thread)
                .param("u", reader)
                .update();
        jdbc.sql("INSERT INTO answer_citation (answer_id, number, post_id, title, slug, heading_path, url, snippet,"
                        + " premium) VALUES (:a, 1, :p, 'A post', 'a-post', 'Intro', '/posts/a-post', 'a quoted span',"
                        + " false)")
                .param("a", answer)
                .param("p", post)
                .update();
        jdbc.sql("INSERT INTO feedback (answer_id, user_id, helpful, created_at) VALUES (:a, :u, true, now())")
                .param("a", answer)
                .param("u", reader)
                .update();

        publishToBus(reader.toString(), new UserDeleted(reader, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("read_history", reader) == 0);
        assertThat(count("thread", reader)).isZero();
        assertThat(count("answer", reader)).isZero();
        assertThat(count("feedback", reader)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM answer_citation WHERE answer_id = :a")
                        .param("a", answer)
                        .query(Long.class)
                        .single())
                .as("the answer's citations went with it")
                .isZero();
        assertThat(count("read_history", other))
                .as("another reader's history stays")
                .isEqualTo(1);
    }
}
