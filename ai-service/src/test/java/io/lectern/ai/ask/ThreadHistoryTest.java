package io.lectern.ai.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lectern.ai.indexing.Indexer;
import io.lectern.ai.support.AiIntegrationTest;
import io.lectern.ai.support.Corpus;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.JsonNode;

/** A reopened thread shows every answer with the sources it was given with, as the live stream did. */
class ThreadHistoryTest extends AiIntegrationTest {

    @Autowired
    Indexer indexer;

    @Autowired
    AnswerLog answers;

    @BeforeEach
    void corpus() {
        Corpus.ensureIndexed(indexer);
    }

    @Test
    void aReopenedThreadReturnsEachAnswersCitationsExactlyAsTheLiveSourcesEventCarriedThem() throws Exception {
        String token = bearer(UUID.randomUUID());
        List<Sse> first = ask(token, Map.of("question", "Why does autovacuum fall behind on big tables?"));
        String threadId = first.getLast().data().path("threadId").asString();
        List<Sse> second = ask(token, Map.of("question", "How do I change that for one table?", "threadId", threadId));

        HttpResponse<String> thread = get("/api/v1/ai/threads/" + threadId, token);

        assertThat(thread.statusCode()).as(thread.body()).isEqualTo(200);
        JsonNode turns = json(thread).path("turns");
        assertThat(turns.size()).isEqualTo(2);
        JsonNode live = first.getFirst().data().path("citations");
        assertThat(live.size()).as("the first answer cited sources").isPositive();
        assertThat(live.get(0).path("slug").asString()).isEqualTo("postgres-vacuum");
        assertThat(turns.get(0).path("citations")).isEqualTo(live);
        assertThat(turns.get(0).path("answerId").asString())
                .isEqualTo(first.getLast().data().path("answerId").asString());
        assertThat(turns.get(1).path("citations"))
                .isEqualTo(second.getFirst().data().path("citations"));
        assertThat(turns.get(1).path("citations").get(0).path("snippet").asString())
                .isNotBlank();
    }

    @Test
    void anUncertainAnswerKeepsItsClosestPassagesAsTheLiveAnswerListedThem() throws Exception {
        String token = bearer(UUID.randomUUID());
        List<Sse> events = ask(token, Map.of("question", "What is a good recipe for chocolate cake with raspberries?"));
        assertThat(events.getLast().data().path("uncertain").asBoolean()).isTrue();
        String threadId = events.getLast().data().path("threadId").asString();

        JsonNode turn =
                json(get("/api/v1/ai/threads/" + threadId, token)).path("turns").get(0);

        assertThat(turn.path("uncertain").asBoolean()).isTrue();
        assertThat(turn.path("citations")).isEqualTo(events.getFirst().data().path("citations"));
    }

    @Test
    void anAnswerStoredBeforeCitationsWereKeptLoadsWithAnEmptyListBesideANewOne() throws Exception {
        UUID user = UUID.randomUUID();
        String token = bearer(user);
        UUID thread = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        jdbc.sql("INSERT INTO thread (id, user_id, created_at) VALUES (:id, :u, now() - interval '1 day')")
                .param("id", thread)
                .param("u", user)
                .update();
        // exactly what the service wrote before answer_citation existed
        jdbc.sql("INSERT INTO answer (id, thread_id, user_id, question, search_text, mode, uncertain, top_score,"
                        + " answer_text, post_ids, created_at) VALUES (:id, :t, :u, 'What is MVCC?', 'What is MVCC?',"
                        + " 'extractive', false, 0.6, '\"Readers therefore never block writers.\" [1]', '{}',"
                        + " now() - interval '1 day')")
                .param("id", old)
                .param("t", thread)
                .param("u", user)
                .update();
        List<Sse> followUp = ask(
                token,
                Map.of("question", "Why don't readers block writers in Postgres?", "threadId", thread.toString()));

        HttpResponse<String> reopened = get("/api/v1/ai/threads/" + thread, token);

        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        JsonNode turns = json(reopened).path("turns");
        assertThat(turns.size()).isEqualTo(2);
        assertThat(turns.get(0).path("answerId").asString()).isEqualTo(old.toString());
        assertThat(turns.get(0).path("citations").isArray()).isTrue();
        assertThat(turns.get(0).path("citations").size()).isZero();
        assertThat(turns.get(1).path("citations"))
                .isEqualTo(followUp.getFirst().data().path("citations"));
        assertThat(turns.get(1).path("citations").size()).isPositive();
    }

    @Test
    void anAnswerIsStoredWithAllItsCitationsOrNotAtAll() {
        UUID user = UUID.randomUUID();
        UUID thread = answers.newThread(user);
        UUID post = UUID.randomUUID();
        Citation one =
                new Citation(1, post, "A post", "a-post", "Intro", "intro", "/posts/a-post#intro", "A span.", false);
        Citation two = new Citation(2, post, "A post", "a-post", "More", null, "/posts/a-post", "Another.", true);
        UUID broken = UUID.randomUUID();

        // two sources numbered 1: the second citation cannot be stored, so neither is the answer
        assertThatThrownBy(() -> answers.record(logged(broken, thread, user, List.of(one, one))))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count("SELECT count(*) FROM answer WHERE id = :id", broken)).isZero();
        assertThat(count("SELECT count(*) FROM answer_citation WHERE answer_id = :id", broken))
                .isZero();

        UUID stored = UUID.randomUUID();
        answers.record(logged(stored, thread, user, List.of(one, two)));
        assertThat(answers.turns(thread))
                .singleElement()
                .satisfies(t -> assertThat(t.citations()).containsExactly(one, two));
    }

    private static AnswerLog.Logged logged(UUID id, UUID thread, UUID user, List<Citation> citations) {
        return new AnswerLog.Logged(
                id,
                thread,
                user,
                "a question",
                "a question",
                "extractive",
                false,
                0.5,
                "\"A span.\" [1]",
                citations.stream().map(Citation::postId).distinct().toList(),
                citations);
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
