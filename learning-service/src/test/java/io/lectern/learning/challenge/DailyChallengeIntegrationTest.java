package io.lectern.learning.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.learning.quiz.AssessmentIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DailyChallengeIntegrationTest extends AssessmentIntegrationTest {

    static final String KEY = "fn-7f3a-sentinel";
    UUID admin = UUID.randomUUID();

    /** A day far from today and from other tests' days, so each test owns its schedule. */
    LocalDate freshDay() {
        return LocalDate.of(2030, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 3000));
    }

    String scheduled(String body, LocalDate day) throws Exception {
        clock.set(day.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
        HttpResponse<String> created = postJson("/api/v1/challenges/pool", admin, body, "admin");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asString();
        HttpResponse<String> planned =
                postJson("/api/v1/challenges/pool/" + id + "/schedule", admin, "{\"day\":\"" + day + "\"}", "admin");
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
        return id;
    }

    @Test
    void theAnswerKeyNeverLeavesTheServerAndTheAttemptLimitStopsBruteForce() throws Exception {
        LocalDate day = freshDay();
        scheduled("""
                {"kind":"TEXT","title":"Name it","prompt":"Which function?","answer":"%s","explanation":"Because.",
                 "maxAttempts":3}""".formatted(KEY), day);
        clock.set(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
        UUID user = registeredUser("UTC");

        HttpResponse<String> today = get("/api/v1/challenges/today", user);
        assertThat(today.statusCode()).as(today.body()).isEqualTo(200);
        assertThat(today.body())
                .doesNotContain(KEY)
                .doesNotContain("\"answer\"")
                .doesNotContain("Because.");
        assertThat(json(today).get("me").get("attemptsLeft").asInt()).isEqualTo(3);

        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> wrong = postJson(
                    "/api/v1/challenges/days/" + day + "/submissions", user, "{\"answer\":\"guess-" + i + "\"}");
            assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(200);
            assertThat(json(wrong).get("correct").asBoolean()).isFalse();
            assertThat(wrong.body()).doesNotContain(KEY);
        }
        HttpResponse<String> blocked =
                postJson("/api/v1/challenges/days/" + day + "/submissions", user, "{\"answer\":\"" + KEY + "\"}");

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(json(blocked).get("type").asString()).endsWith("/challenge-attempts-exhausted");
        assertThat(blocked.body()).doesNotContain(KEY);
        assertThat(rows("select count(*) from challenge_submission where user_id = ?", user))
                .isEqualTo(3);
        assertThat(rows("select count(*) from challenge_solve where user_id = ?", user))
                .isZero();
        assertThat(rows("select count(*) from xp_award where user_id = ?", user))
                .isZero();
    }

    @Test
    void solvingACodeChallengeByItsOutputCreditsXpStreakAndBothLeaderboardsOnce() throws Exception {
        LocalDate day = freshDay();
        scheduled("""
                {"kind":"CODE","title":"FizzBuzz 1-5","prompt":"Print FizzBuzz for 1..5","language":"javascript",
                 "starterCode":"for (let i = 1; i <= 5; i++) {}","answer":"1\\n2\\nFizz\\n4\\nBuzz\\n","maxAttempts":5}
                """, day);
        Instant nine = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        clock.set(nine);
        UUID first = registeredUser("UTC");
        UUID second = registeredUser("UTC");

        HttpResponse<String> wrongOrder = postJson(
                "/api/v1/challenges/days/" + day + "/submissions", second, "{\"answer\":\"1\\n2\\nBuzz\\n4\\nFizz\"}");
        assertThat(json(wrongOrder).get("correct").asBoolean()).isFalse();
        // Windows line endings and trailing spaces are not a different output
        HttpResponse<String> solved = postJson(
                "/api/v1/challenges/days/" + day + "/submissions",
                first,
                "{\"answer\":\"1\\r\\n2 \\r\\nFizz\\r\\n4\\r\\nBuzz\"}");
        assertThat(solved.statusCode()).as(solved.body()).isEqualTo(200);
        assertThat(json(solved).get("correct").asBoolean()).isTrue();
        clock.set(nine.plusSeconds(60));
        assertThat(json(postJson(
                                "/api/v1/challenges/days/" + day + "/submissions",
                                second,
                                "{\"answer\":\"1\\n2\\nFizz\\n4\\nBuzz\"}"))
                        .get("correct")
                        .asBoolean())
                .isTrue();
        HttpResponse<String> again = postJson(
                "/api/v1/challenges/days/" + day + "/submissions", first, "{\"answer\":\"1\\n2\\nFizz\\n4\\nBuzz\"}");
        assertThat(again.statusCode()).isEqualTo(409);

        assertThat(rows("select count(*) from xp_award where user_id = ? and rule = 'challenge-solved'", first))
                .isEqualTo(1);
        assertThat(rows("select count(*) from activity_day where user_id = ?", first))
                .isEqualTo(1);
        assertThat(rows(
                        "select count(*) from outbox where type = 'learning.challenge-solved.v1' and aggregate_id = ?",
                        first.toString()))
                .isEqualTo(1);
        JsonNode daily = json(get("/api/v1/challenges/leaderboard?period=daily&day=" + day, first));
        assertThat(daily.get("entries")).hasSize(2);
        assertThat(daily.get("entries").get(0).get("userId").asString()).isEqualTo(first.toString());
        assertThat(daily.get("entries").get(1).get("attempts").asInt()).isEqualTo(2);
        JsonNode allTime = json(get("/api/v1/challenges/leaderboard?period=all-time", first));
        assertThat(allTime.get("entries").toString()).contains(first.toString());
    }

    @Test
    void tomorrowsChallengeCannotBeSeenOrAnsweredAndNothingIsWritten() throws Exception {
        LocalDate day = freshDay();
        scheduled("""
                {"kind":"MULTIPLE_CHOICE","title":"Pick","prompt":"Which?","options":["a","b","c"],"answer":"2",
                 "maxAttempts":1}""", day);
        clock.set(day.minusDays(1).atTime(23, 0).toInstant(ZoneOffset.UTC));
        UUID user = registeredUser("UTC");

        HttpResponse<String> peek = get("/api/v1/challenges/days/" + day, user);
        HttpResponse<String> early =
                postJson("/api/v1/challenges/days/" + day + "/submissions", user, "{\"selected\":2}");

        assertThat(peek.statusCode()).isEqualTo(422);
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(json(early).get("type").asString()).endsWith("/challenge-not-yet-open");
        assertThat(json(early).get("field").asString()).isEqualTo("day");
        assertThat(early.body()).doesNotContain("Which?");
        assertThat(rows("select count(*) from challenge_submission where user_id = ?", user))
                .isZero();
    }

    @Test
    void aMultipleChoiceChallengeMustAllowFewerAttemptsThanOptions() throws Exception {
        HttpResponse<String> refused = postJson("/api/v1/challenges/pool", admin, """
                {"kind":"MULTIPLE_CHOICE","title":"Pick","prompt":"Which?","options":["a","b","c"],"answer":"2",
                 "maxAttempts":3}""", "admin");
        HttpResponse<String> reader = postJson("/api/v1/challenges/pool", admin, """
                {"kind":"TEXT","title":"t","prompt":"p","answer":"a","maxAttempts":3}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("field").asString()).isEqualTo("maxAttempts");
        assertThat(reader.statusCode()).isEqualTo(403);
    }
}
