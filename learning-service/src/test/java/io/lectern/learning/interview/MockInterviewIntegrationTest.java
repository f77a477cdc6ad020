package io.lectern.learning.interview;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.learning.quiz.AssessmentIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MockInterviewIntegrationTest extends AssessmentIntegrationTest {

    static final String REFERENCE = "MVCC keeps old row versions so readers never block writers.";
    UUID author = UUID.randomUUID();

    @Test
    void oneQuestionAtATimeWithFeedbackEachThenAnOverallResultAndTheSessionCanBeResumed() throws Exception {
        UUID seriesId = UUID.randomUUID();
        UUID post = publishedPost(seriesId, 1);
        publishedSeries(List.of(post), seriesId);
        for (String prompt :
                List.of("How does PostgreSQL let readers and writers work at once?", "What is MVCC for?")) {
            HttpResponse<String> added = postJson(
                    "/api/v1/interviews/bank", author, """
                    {"seriesId":"%s","prompt":"%s","reference":"%s","postId":"%s","anchor":"why-vacuum-matters"}
                    """.formatted(seriesId, prompt, REFERENCE, post), "author");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }
        UUID user = registeredUser("UTC");

        HttpResponse<String> started =
                postJson("/api/v1/interviews", user, "{\"seriesId\":\"" + seriesId + "\",\"questions\":2}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode session = json(started);
        String id = session.get("id").asString();
        assertThat(session.get("items")).hasSize(1);
        assertThat(session.get("currentPosition").asInt()).isZero();
        assertThat(started.body()).doesNotContain("readers never block writers");

        HttpResponse<String> first = postJson(
                "/api/v1/interviews/" + id + "/answers",
                user,
                "{\"position\":0,\"answer\":\"MVCC: readers see old versions.\"}");
        JsonNode afterFirst = json(first);
        assertThat(afterFirst.get("items")).hasSize(2);
        assertThat(afterFirst.get("items").get(0).get("feedback").get("method").asString())
                .isEqualTo("llm");
        assertThat(afterFirst.get("items").get(0).get("feedback").get("score").asDouble())
                .isEqualTo(0.9);

        // resumed later: the same session, the next question waiting
        JsonNode resumed = json(get("/api/v1/interviews/" + id, user));
        assertThat(resumed.get("currentPosition").asInt()).isEqualTo(1);
        HttpResponse<String> wrongPosition =
                postJson("/api/v1/interviews/" + id + "/answers", user, "{\"position\":0,\"answer\":\"again\"}");
        assertThat(wrongPosition.statusCode()).isEqualTo(400);
        assertThat(json(wrongPosition).get("field").asString()).isEqualTo("position");

        ai().stop();
        JsonNode done = json(postJson(
                "/api/v1/interviews/" + id + "/answers",
                user,
                "{\"position\":1,\"answer\":\"It uses locks on every row.\"}"));

        JsonNode second = done.get("items").get(1).get("feedback");
        assertThat(second.get("method").asString()).isEqualTo("coverage");
        assertThat(second.get("reread").get("postId").asString()).isEqualTo(post.toString());
        JsonNode overall = done.get("overall");
        assertThat(overall.get("feedbackMethod").asString()).isEqualTo("reference");
        assertThat(overall.get("label").asString()).contains("no language model");
        assertThat(overall.get("strengths")).hasSize(1);
        assertThat(overall.get("gaps")).hasSize(1);
        assertThat(overall.get("reread").get(0).get("anchor").asString()).isEqualTo("why-vacuum-matters");
        assertThat(rows("select count(*) from xp_award where user_id = ? and rule = 'interview-completed'", user))
                .isEqualTo(1);
        assertThat(rows(
                        "select count(*) from outbox where type = 'learning.interview-completed.v1' and aggregate_id = ?",
                        user.toString()))
                .isEqualTo(1);
        HttpResponse<String> afterEnd =
                postJson("/api/v1/interviews/" + id + "/answers", user, "{\"position\":1,\"answer\":\"more\"}");
        assertThat(afterEnd.statusCode()).isEqualTo(409);
    }

    @Test
    void withoutBankQuestionsOrAiServiceTheInterviewAsksAboutTheSeriesKeySentencesAndSaysSo() throws Exception {
        UUID seriesId = UUID.randomUUID();
        UUID post = publishedPost(seriesId, 1);
        publishedSeries(List.of(post), seriesId);
        UUID user = registeredUser("UTC");
        ai().stop();

        HttpResponse<String> started =
                postJson("/api/v1/interviews", user, "{\"seriesId\":\"" + seriesId + "\",\"questions\":2}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(json(started).get("notice").asString()).contains("unavailable");
        assertThat(json(started).get("items").get(0).get("prompt").asString()).startsWith("Explain what");
    }
}
