package io.lectern.learning.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QuizIntegrationTest extends AssessmentIntegrationTest {

    static final String REFERENCE = "MVCC keeps old row versions so readers never block writers.";
    static final List<String> KEY_FIELDS = List.of(
            "correct",
            "rightOptions",
            "rightAnswer",
            "answer",
            "answerText",
            "clozeAnswer",
            "explanation",
            "reference",
            "passage");

    UUID author = UUID.randomUUID();

    void authorQuestions(UUID post) throws Exception {
        HttpResponse<String> multi = postJson("/api/v1/quizzes/questions", author, """
                {"postId":"%s","type":"MULTIPLE_ANSWERS","prompt":"Which of these does vacuum do?",
                 "options":["removes dead row versions","rewrites the WAL","freezes old transaction ids","creates indexes"],
                 "correct":[0,2],"explanation":"Vacuum reclaims space and freezes xids.","anchor":"why-vacuum-matters"}
                """.formatted(post), "author");
        assertThat(multi.statusCode()).as(multi.body()).isEqualTo(201);
        HttpResponse<String> text =
                postJson("/api/v1/quizzes/questions", author, """
                {"postId":"%s","type":"SHORT_TEXT","prompt":"Why do readers and writers not block each other?",
                 "answer":"%s","explanation":"Multi-version concurrency control."}
                """.formatted(post, REFERENCE), "author");
        assertThat(text.statusCode()).as(text.body()).isEqualTo(201);
    }

    static void assertNoKeyFields(String body) {
        List<String> names = new ArrayList<>();
        collectFieldNames(JSON.readTree(body), names);
        assertThat(names).as("field names in " + body).doesNotContainAnyElementsOf(KEY_FIELDS);
    }

    static void assertNoAnswerKey(String body) {
        assertNoKeyFields(body);
        assertThat(body)
                .doesNotContainIgnoringCase(AiStandIn.AI_CLOZE_ANSWER)
                .doesNotContain("readers never block writers")
                .doesNotContain("Vacuum reclaims")
                .doesNotContain("[0,2]");
    }

    static void collectFieldNames(JsonNode node, List<String> names) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                names.add(e.getKey());
                collectFieldNames(e.getValue(), names);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectFieldNames(n, names));
        }
    }

    @Test
    void quizWithAiServiceHidesEveryKeyBeforeSubmissionGradesEachTypeAndCountsTwoSubmissionsOnce() throws Exception {
        UUID post = publishedPost(null, 0);
        UUID user = registeredUser("UTC");
        authorQuestions(post);

        HttpResponse<String> started = postJson("/api/v1/quizzes/attempts", user, "{\"postId\":\"" + post + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode attempt = json(started);
        assertThat(attempt.get("generator").asString()).isEqualTo("ai");
        assertThat(attempt.get("degraded").asBoolean()).isFalse();
        assertThat(ai().questionCalls(post.toString())).isEqualTo(1);
        // 2 author questions + the 2 well-formed generated ones (the malformed one is dropped)
        assertThat(attempt.get("questions")).hasSize(4);
        String id = attempt.get("id").asString();
        assertNoAnswerKey(started.body());
        assertNoAnswerKey(get("/api/v1/quizzes/attempts/" + id, user).body());
        assertNoAnswerKey(get("/api/v1/quizzes/attempts?postId=" + post, user).body());
        HttpResponse<String> noResultYet = get("/api/v1/quizzes/attempts/" + id + "/result", user);
        assertThat(noResultYet.statusCode()).isEqualTo(409);
        assertNoAnswerKey(noResultYet.body());

        Map<String, String> byType = new HashMap<>();
        attempt.get("questions")
                .forEach(q -> byType.put(q.get("type").asString(), q.get("id").asString()));
        String answers = """
                {"answers":[
                  {"questionId":"%s","selected":[1]},
                  {"questionId":"%s","selected":[0]},
                  {"questionId":"%s","text":" Autovacuum "},
                  {"questionId":"%s","text":"Because of MVCC: old versions are kept for readers."}
                ]}""".formatted(
                        byType.get("MULTIPLE_CHOICE"),
                        byType.get("MULTIPLE_ANSWERS"),
                        byType.get("CLOZE"),
                        byType.get("SHORT_TEXT"));
        HttpResponse<String> submitted = postJson("/api/v1/quizzes/attempts/" + id + "/submission", user, answers);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode result = json(submitted);
        Map<String, JsonNode> graded = new HashMap<>();
        result.get("questions").forEach(q -> graded.put(q.get("type").asString(), q));
        assertThat(graded.get("MULTIPLE_CHOICE").get("correct").asBoolean()).isTrue();
        JsonNode multi = graded.get("MULTIPLE_ANSWERS");
        assertThat(multi.get("correct").asBoolean()).isFalse();
        assertThat(multi.get("score").asDouble()).isEqualTo(0.5);
        assertThat(multi.get("reread").get("postId").asString()).isEqualTo(post.toString());
        assertThat(multi.get("reread").get("anchor").asString()).isEqualTo("why-vacuum-matters");
        assertThat(graded.get("CLOZE").get("correct").asBoolean()).isTrue();
        assertThat(graded.get("CLOZE").path("reread").isNull()
                        || graded.get("CLOZE").path("reread").isMissingNode())
                .isTrue();
        JsonNode text = graded.get("SHORT_TEXT");
        assertThat(text.get("gradedBy").asString()).isEqualTo("llm");
        assertThat(text.get("score").asDouble()).isEqualTo(0.9);
        assertThat(ai().gradeCalls()).isGreaterThanOrEqualTo(1);
        assertThat(result.get("score").asDouble()).isEqualTo(0.85);
        assertThat(result.get("correct").asInt()).isEqualTo(3);
        assertThat(result.get("passed").asBoolean()).isTrue();

        // the second submission (other answers) changes nothing and is told the first result
        String allWrong =
                answers.replace("\"selected\":[1]", "\"selected\":[0]").replace("Autovacuum", "checkpoint");
        HttpResponse<String> again = postJson("/api/v1/quizzes/attempts/" + id + "/submission", user, allWrong);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("score").asDouble()).isEqualTo(0.85);
        assertThat(json(again).get("submittedAt")).isEqualTo(result.get("submittedAt"));
        assertThat(rows("select count(*) from quiz_attempt_answer where attempt_id = ?", UUID.fromString(id)))
                .isEqualTo(4);
        assertThat(rows("select count(*) from xp_award where user_id = ? and rule = 'quiz-passed'", user))
                .isEqualTo(1);
        assertThat(rows(
                        "select count(*) from outbox where type = 'learning.quiz-passed.v1' and aggregate_id = ?",
                        user.toString()))
                .isEqualTo(1);

        assertThat(json(get("/api/v1/quizzes/attempts/" + id + "/result", user))
                        .get("score")
                        .asDouble())
                .isEqualTo(0.85);
        assertNoAnswerKey(get("/api/v1/quizzes/attempts/" + id, user).body());
        JsonNode board = json(get("/api/v1/quizzes/leaderboard?postId=" + post, user));
        assertThat(board.get("entries").get(0).get("userId").asString()).isEqualTo(user.toString());
        JsonNode history = json(get("/api/v1/quizzes/attempts?postId=" + post, user));
        assertThat(history.get("bestScore").asDouble()).isEqualTo(0.85);
    }

    @Test
    void withAiServiceOffTheQuizFallsBackToAuthorAndClozeQuestionsSaysSoAndGradesFreeTextByKeyTerms() throws Exception {
        UUID post = publishedPost(null, 0);
        UUID user = registeredUser("UTC");
        authorQuestions(post);
        ai().stop();

        HttpResponse<String> started = postJson("/api/v1/quizzes/attempts", user, "{\"postId\":\"" + post + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode attempt = json(started);
        assertThat(attempt.get("generator").asString()).isEqualTo("fallback");
        assertThat(attempt.get("degraded").asBoolean()).isTrue();
        assertThat(attempt.get("notice").asString()).contains("unavailable");
        List<String> types = new ArrayList<>();
        attempt.get("questions").forEach(q -> types.add(q.get("type").asString()));
        assertThat(types).hasSize(5).containsOnlyOnce("MULTIPLE_ANSWERS", "SHORT_TEXT");
        assertThat(types.stream().filter("CLOZE"::equals)).hasSize(3);
        assertNoKeyFields(started.body());
        // the cloze gaps are words of the post: none may be in the prompts' JSON except as a blank
        attempt.get("questions").forEach(q -> {
            if (q.get("type").asString().equals("CLOZE")) {
                assertThat(q.get("prompt").asString()).contains("_____");
            }
        });

        String id = attempt.get("id").asString();
        List<String> answers = new ArrayList<>();
        attempt.get("questions").forEach(q -> {
            if (q.get("type").asString().equals("SHORT_TEXT")) {
                answers.add("{\"questionId\":\"" + q.get("id").asString()
                        + "\",\"text\":\"MVCC keeps old row versions, so readers never block writers.\"}");
            }
        });
        HttpResponse<String> submitted = postJson(
                "/api/v1/quizzes/attempts/" + id + "/submission", user, "{\"answers\":[" + answers.getFirst() + "]}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode text = null;
        for (JsonNode q : json(submitted).get("questions")) {
            if (q.get("type").asString().equals("SHORT_TEXT")) {
                text = q;
            }
        }
        assertThat(text).isNotNull();
        assertThat(text.get("gradedBy").asString()).isEqualTo("coverage");
        assertThat(text.get("correct").asBoolean()).isTrue();
        assertThat(text.get("coveredTerms").toString()).contains("mvcc");
        // unanswered cloze questions are wrong, each with the sentence to reread
        for (JsonNode q : json(submitted).get("questions")) {
            if (q.get("type").asString().equals("CLOZE")) {
                assertThat(q.get("correct").asBoolean()).isFalse();
                assertThat(q.get("reread").get("passage").asString())
                        .contains(q.get("rightAnswer").asString());
            }
        }
        assertThat(json(submitted).get("passed").asBoolean()).isFalse();
    }

    @Test
    void anAnswerForAQuestionOutsideTheAttemptIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        UUID post = publishedPost(null, 0);
        UUID user = registeredUser("UTC");
        String id = json(postJson("/api/v1/quizzes/attempts", user, "{\"postId\":\"" + post + "\"}"))
                .get("id")
                .asString();

        HttpResponse<String> refused = postJson(
                "/api/v1/quizzes/attempts/" + id + "/submission",
                user,
                "{\"answers\":[{\"questionId\":\"" + UUID.randomUUID() + "\",\"text\":\"x\"}]}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("type").asString()).isEqualTo("https://lectern.dev/problems/invalid-field");
        assertThat(json(refused).get("field").asString()).isEqualTo("answers[0].questionId");
        assertThat(rows(
                        "select count(*) from quiz_attempt where id = ? and submitted_at is not null",
                        UUID.fromString(id)))
                .isZero();
        assertThat(rows("select count(*) from quiz_attempt_answer where attempt_id = ?", UUID.fromString(id)))
                .isZero();
    }

    @Test
    void anExpiredAttemptIsRefusedAndWritesNothing() throws Exception {
        UUID post = publishedPost(null, 0);
        UUID user = registeredUser("UTC");
        JsonNode attempt = json(postJson("/api/v1/quizzes/attempts", user, "{\"postId\":\"" + post + "\"}"));
        String id = attempt.get("id").asString();
        clock.set(java.time.Instant.now().plus(Duration.ofHours(2)));

        HttpResponse<String> refused = postJson(
                "/api/v1/quizzes/attempts/" + id + "/submission",
                user,
                "{\"answers\":[{\"questionId\":\""
                        + attempt.get("questions").get(0).get("id").asString() + "\",\"text\":\"vacuum\"}]}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("type").asString()).isEqualTo("https://lectern.dev/problems/quiz-attempt-expired");
        assertThat(rows(
                        "select count(*) from quiz_attempt where id = ? and submitted_at is not null",
                        UUID.fromString(id)))
                .isZero();
        assertThat(rows("select count(*) from quiz_attempt_answer where attempt_id = ?", UUID.fromString(id)))
                .isZero();
        assertThat(rows("select count(*) from xp_award where user_id = ?", user))
                .isZero();
    }

    @Test
    void addMyMistakesToReviewMakesOneCardPerWrongAnswerOnceAndOnlyForASubmittedAttemptOfYourOwn() throws Exception {
        UUID post = publishedPost(null, 0);
        UUID user = registeredUser("UTC");
        authorQuestions(post);
        ai().stop();

        JsonNode attempt = json(postJson("/api/v1/quizzes/attempts", user, "{\"postId\":\"" + post + "\"}"));
        String id = attempt.get("id").asString();
        HttpResponse<String> early = postJson("/api/v1/quizzes/attempts/" + id + "/mistakes-to-review", user, "{}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).get("type").asString()).endsWith("/quiz-attempt-not-submitted");

        String shortText = null;
        for (JsonNode q : attempt.get("questions")) {
            if (q.get("type").asString().equals("SHORT_TEXT")) {
                shortText = q.get("id").asString();
            }
        }
        HttpResponse<String> submitted = postJson(
                "/api/v1/quizzes/attempts/" + id + "/submission",
                user,
                "{\"answers\":[{\"questionId\":\"" + shortText
                        + "\",\"text\":\"MVCC keeps old row versions, so readers never block writers.\"}]}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        long wrong = 0;
        for (JsonNode q : json(submitted).get("questions")) {
            if (!q.get("correct").asBoolean()) {
                wrong++;
            }
        }
        assertThat(wrong).isEqualTo(4);

        UUID stranger = registeredUser("UTC");
        assertThat(postJson("/api/v1/quizzes/attempts/" + id + "/mistakes-to-review", stranger, "{}")
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> added = postJson("/api/v1/quizzes/attempts/" + id + "/mistakes-to-review", user, "{}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(json(added).get("mistakes").asInt()).isEqualTo(4);
        assertThat(json(added).get("cardsAdded").asInt()).isEqualTo(4);
        List<String> backs = jdbc.sql(
                        "select back from srs_card where user_id = :u and origin = 'QUIZ' and post_id = :p")
                .param("u", user)
                .param("p", post)
                .query(String.class)
                .list();
        assertThat(backs).hasSize(4).allSatisfy(back -> assertThat(back).isNotBlank());

        HttpResponse<String> again = postJson("/api/v1/quizzes/attempts/" + id + "/mistakes-to-review", user, "{}");
        assertThat(json(again).get("cardsAdded").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from srs_card where user_id = :u")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from srs_card where user_id = :u")
                        .param("u", stranger)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
