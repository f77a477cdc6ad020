package io.lectern.ai.ask;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;

class AskAiTest extends AiIntegrationTest {

    @Autowired
    Indexer indexer;

    @BeforeEach
    void corpus() {
        Corpus.ensureIndexed(indexer);
    }

    @Test
    void extractiveAnswerStreamsSourcesThenQuotedPiecesWithCitationsThenDone() throws Exception {
        List<Sse> events = ask(null, Map.of("question", "Why don't readers block writers in Postgres?"));

        assertThat(events.getFirst().event()).isEqualTo("sources");
        assertThat(events.getLast().event()).isEqualTo("done");
        assertThat(events.subList(1, events.size() - 1))
                .isNotEmpty()
                .allMatch(e -> e.event().equals("piece"));
        JsonNode citations = events.getFirst().data().path("citations");
        assertThat(citations.get(0).path("slug").asString()).isEqualTo("postgres-mvcc");
        assertThat(citations.get(0).path("url").asString()).startsWith("/posts/postgres-mvcc#");
        String answer = answerText(events);
        String mvcc = Corpus.post("postgres-mvcc").markdown();
        // every quoted sentence is verbatim from a cited post, followed by its source number
        java.util.regex.Matcher quote =
                java.util.regex.Pattern.compile("\"([^\"]+)\" \\[(\\d)]").matcher(answer);
        int quotes = 0;
        while (quote.find()) {
            quotes++;
            int n = Integer.parseInt(quote.group(2));
            String slug = citations.get(n - 1).path("slug").asString();
            assertThat(Corpus.post(slug).markdown().replaceAll("\\s+", " ")).contains(quote.group(1));
        }
        assertThat(quotes).isBetween(1, 3);
        assertThat(answer).contains("Readers therefore never block writers");
        assertThat(mvcc).contains("Readers therefore never block writers");
        JsonNode done = events.getLast().data();
        assertThat(done.path("mode").asString()).isEqualTo("extractive");
        assertThat(done.path("uncertain").asBoolean()).isFalse();
        assertThat(done.path("label").asString()).startsWith("Extractive answer");
        assertThat(done.path("suggestions").size()).isBetween(2, 3);
        assertThat(done.path("answerId").asString()).isNotBlank();
    }

    @Test
    void weakRetrievalAbstainsWithAnUncertainLabelInsteadOfGuessing() throws Exception {
        List<Sse> events = ask(null, Map.of("question", "What is a good recipe for chocolate cake with raspberries?"));

        JsonNode done = events.getLast().data();
        assertThat(done.path("uncertain").asBoolean()).isTrue();
        assertThat(done.path("label").asString()).startsWith("Uncertain");
        assertThat(answerText(events)).contains("don't seem to cover").doesNotContain("[1]");
    }

    @Test
    void followUpInAThreadUsesTheEarlierQuestionAndTheThreadKeepsBothTurns() throws Exception {
        UUID user = UUID.randomUUID();
        String token = bearer(user);
        List<Sse> first = ask(token, Map.of("question", "Why does autovacuum fall behind on big tables?"));
        String threadId = first.getLast().data().path("threadId").asString();
        assertThat(threadId).isNotBlank();

        List<Sse> second = ask(token, Map.of("question", "How do I change that for one table?", "threadId", threadId));
        assertThat(second.getFirst()
                        .data()
                        .path("citations")
                        .get(0)
                        .path("slug")
                        .asString())
                .isEqualTo("postgres-vacuum");
        assertThat(answerText(second)).contains("scale factor");

        HttpResponse<String> thread = get("/api/v1/ai/threads/" + threadId, token);
        assertThat(thread.statusCode()).isEqualTo(200);
        assertThat(json(thread).path("turns").size()).isEqualTo(2);
        // someone else's thread does not exist for them
        HttpResponse<String> other = post(
                "/api/v1/ai/ask", bearer(UUID.randomUUID()), Map.of("question", "and more?", "threadId", threadId));
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(json(other).path("field").asString()).isEqualTo("threadId");
    }

    @Test
    void badQuestionsAndUnknownThreadsAreProblemsNotStreams() throws Exception {
        HttpResponse<String> empty = post("/api/v1/ai/ask", null, Map.of("question", "   "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(json(empty).path("field").asString()).isEqualTo("question");

        HttpResponse<String> huge = post("/api/v1/ai/ask", null, Map.of("question", "x".repeat(10_000)));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(json(huge).path("field").asString()).isEqualTo("question");

        HttpResponse<String> unknown = post(
                "/api/v1/ai/ask",
                bearer(UUID.randomUUID()),
                Map.of(
                        "question",
                        "What is MVCC?",
                        "threadId",
                        UUID.randomUUID().toString()));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("field").asString()).isEqualTo("threadId");
        int logged = jdbc.sql("SELECT count(*) FROM answer WHERE question = 'What is MVCC?'")
                .query(Integer.class)
                .single();
        assertThat(logged).isZero();
    }

    @Test
    void feedbackIsTakenOnYourOwnAnswerOnlyAndUnansweredQuestionsReachTheReport() throws Exception {
        UUID user = UUID.randomUUID();
        String token = bearer(user);
        String question = "How do I bake sourdough bread at home "
                + UUID.randomUUID().toString().substring(0, 4) + "?";
        List<Sse> events = ask(token, Map.of("question", question));
        String answerId = events.getLast().data().path("answerId").asString();

        HttpResponse<String> mine = post(
                "/api/v1/ai/answers/" + answerId + "/feedback",
                token,
                Map.of("helpful", false, "reason", "not covered"));
        assertThat(mine.statusCode()).isEqualTo(200);
        HttpResponse<String> theirs = post(
                "/api/v1/ai/answers/" + answerId + "/feedback", bearer(UUID.randomUUID()), Map.of("helpful", true));
        assertThat(theirs.statusCode()).isEqualTo(403);
        assertThat(json(theirs).path("field").asString()).isEqualTo("answerId");
        HttpResponse<String> missing =
                post("/api/v1/ai/answers/" + answerId + "/feedback", token, Map.of("reason", "x"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).path("field").asString()).isEqualTo("helpful");

        ask(null, Map.of("question", question.toUpperCase()));
        HttpResponse<String> report =
                get("/api/v1/ai/reports/unanswered?limit=200", bearer(UUID.randomUUID(), "admin"));
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode group = null;
        for (JsonNode g : json(report)) {
            if (g.path("question").asString().equalsIgnoreCase(question)) {
                group = g;
            }
        }
        assertThat(group).as("grouped unanswered question").isNotNull();
        assertThat(group.path("times").asInt()).isEqualTo(2);
        assertThat(group.path("thumbsDown").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/ai/reports/unanswered", bearer(UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(403);
    }
}
