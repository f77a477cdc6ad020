package io.lectern.ai.tutor;

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

/** The endpoints learning-service calls, without any language model. */
class TutorEndpointsTest extends AiIntegrationTest {

    @Autowired
    Indexer indexer;

    String token;

    @BeforeEach
    void corpus() {
        Corpus.ensureIndexed(indexer);
        token = bearer(UUID.randomUUID());
    }

    @Test
    void quizQuestionsAreClozeAndMultipleChoiceBuiltFromThePostsOwnSentences() throws Exception {
        HttpResponse<String> r = post(
                "/internal/v1/quiz-questions",
                token,
                Map.of(
                        "postId",
                        Corpus.id("postgres-vacuum"),
                        "count",
                        4,
                        "types",
                        List.of("MULTIPLE_CHOICE", "CLOZE")));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.path("generator").asString()).isEqualTo("extractive");
        JsonNode questions = body.path("questions");
        assertThat(questions.size()).isEqualTo(4);
        String post = Corpus.post("postgres-vacuum").markdown().replaceAll("\\s+", " ");
        int mc = 0;
        int cloze = 0;
        List<String> anchors = new java.util.ArrayList<>();
        for (JsonNode q : questions) {
            String prompt = q.path("prompt").asString();
            assertThat(prompt).contains("_____");
            String blanked = prompt.substring(
                    prompt.indexOf('?') >= 0 && q.path("type").asString().equals("MULTIPLE_CHOICE")
                            ? prompt.indexOf('?') + 2
                            : prompt.indexOf(':') + 2);
            String answer;
            if (q.path("type").asString().equals("CLOZE")) {
                cloze++;
                answer = q.path("clozeAnswer").asString();
            } else {
                mc++;
                assertThat(q.path("options").size()).isEqualTo(4);
                assertThat(q.path("correct").size()).isEqualTo(1);
                answer = q.path("options").get(q.path("correct").get(0).asInt()).asString();
            }
            assertThat(post).contains(blanked.replace("_____", answer));
            anchors.add(q.path("anchor").asString());
        }
        // questions point at the section they came from (the intro before the first heading has none)
        assertThat(anchors)
                .containsAnyOf("why-autovacuum-falls-behind", "tuning-per-table", "transaction-id-wraparound");
        assertThat(mc).isEqualTo(2);
        assertThat(cloze).isEqualTo(2);
    }

    @Test
    void gradingRewardsACorrectAnswerOverAWrongOneAndNamesMissingTerms() throws Exception {
        String question = "Why do large tables wait long for autovacuum?";
        String reference =
                "Autovacuum triggers when dead tuples exceed the threshold plus the scale factor times the table size,"
                        + " so a large table accumulates millions of dead tuples first.";
        JsonNode good = json(
                post(
                        "/internal/v1/grade",
                        token,
                        Map.of(
                                "question",
                                question,
                                "reference",
                                reference,
                                "answer",
                                "Because the trigger is a scale factor times the table size, big tables collect many dead tuples before autovacuum runs.")));
        JsonNode bad = json(post(
                "/internal/v1/grade",
                token,
                Map.of(
                        "question",
                        question,
                        "reference",
                        reference,
                        "answer",
                        "Because Redis streams trim old entries.")));
        assertThat(good.path("method").asString()).isEqualTo("similarity");
        assertThat(good.path("score").asDouble())
                .isGreaterThan(bad.path("score").asDouble() + 0.3);
        assertThat(good.path("similarity").asDouble()).isBetween(0.0, 1.0);
        assertThat(bad.path("missingTerms").toString()).contains("tuple");
        assertThat(good.path("coveredTerms").toString()).contains("scale");

        HttpResponse<String> empty =
                post("/internal/v1/grade", token, Map.of("question", question, "reference", reference, "answer", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).path("field").asString()).isEqualTo("answer");
    }

    @Test
    void cardDraftsComeFromTheSectionsWithTheirAnchors() throws Exception {
        JsonNode body = json(
                post("/internal/v1/card-drafts", token, Map.of("postId", Corpus.id("circuit-breakers"), "count", 3)));
        assertThat(body.path("generator").asString()).isEqualTo("extractive");
        JsonNode cards = body.path("cards");
        assertThat(cards.size()).isEqualTo(3);
        String post = Corpus.post("circuit-breakers").markdown().replaceAll("\\s+", " ");
        for (JsonNode c : cards) {
            assertThat(c.path("front").asString()).isNotBlank();
            assertThat(post).contains(c.path("back").asString().split("(?<=\\.) ")[0]);
        }
        List<String> anchors = new java.util.ArrayList<>();
        cards.forEach(c -> anchors.add(c.path("anchor").asString()));
        assertThat(anchors).contains("timeouts-first", "the-three-states");
    }

    @Test
    void unknownPostsAndBadCountsAreProblems() throws Exception {
        HttpResponse<String> unknown =
                post("/internal/v1/quiz-questions", token, Map.of("postId", UUID.randomUUID(), "count", 2));
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> zero =
                post("/internal/v1/card-drafts", token, Map.of("postId", Corpus.id("git-rebase"), "count", 0));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(json(zero).path("field").asString()).isEqualTo("count");
        HttpResponse<String> type = post(
                "/internal/v1/quiz-questions",
                token,
                Map.of("postId", Corpus.id("git-rebase"), "count", 2, "types", List.of("ESSAY")));
        assertThat(json(type).path("field").asString()).isEqualTo("types");
        assertThat(post("/internal/v1/grade", null, Map.of("question", "q", "reference", "r", "answer", "a"))
                        .statusCode())
                .isEqualTo(401);
    }
}
