package io.lectern.learning.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.learning.LearningIntegrationTest;
import io.lectern.learning.post.Posts;
import io.lectern.learning.series.SeriesCatalog;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ReadingProgressTest extends LearningIntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    SeriesCatalog seriesCatalog;

    @Autowired
    ObjectMapper json;

    @Test
    void aPostPassedMostlyInAPlausibleTimeCountsAsReadOnceAndEarnsOnce() throws Exception {
        UUID user = registeredUser("UTC");
        UUID post = publishedPost(null, 5);

        JsonNode partial = report(user, post, 50, 60);
        assertThat(partial.get("read").asBoolean()).isFalse();

        JsonNode done = report(user, post, 95, 100);
        assertThat(done.get("read").asBoolean()).isTrue();
        assertThat(done.get("justRead").asBoolean()).isTrue();
        assertThat(done.get("xpAwarded").asInt()).isEqualTo(10);

        JsonNode again = report(user, post, 100, 400);
        assertThat(again.get("justRead").asBoolean()).isFalse();
        assertThat(again.get("xpAwarded").asInt()).isZero();

        assertThat(count("select count(*) from xp_award where user_id = :user and rule = 'post-read'", user))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from outbox where type = 'learning.post-read.v1' and aggregate_id = :user::text",
                        user))
                .isEqualTo(1);
        assertThat(count("select count(*) from activity_day where user_id = :user", user))
                .isEqualTo(1);
    }

    @Test
    void scrollingToTheEndFarBelowTheReadingTimeDoesNotCount() throws Exception {
        UUID user = registeredUser("UTC");
        UUID post = publishedPost(null, 10); // 10 minutes: at least 180 s needed

        JsonNode skimmed = report(user, post, 100, 20);

        assertThat(skimmed.get("read").asBoolean()).isFalse();
        assertThat(count("select count(*) from xp_award where user_id = :user", user))
                .isZero();
    }

    @Test
    void depthAndTimeAreMaximaSoAnOlderUpdateArrivingLateChangesNothing() throws Exception {
        UUID user = registeredUser("UTC");
        UUID post = publishedPost(null, 5);
        report(user, post, 80, 100);

        JsonNode late = report(user, post, 30, 10);

        assertThat(late.get("depthPercent").asDouble()).isEqualTo(80.0);
        assertThat(late.get("secondsSpent").asInt()).isEqualTo(100);
    }

    @Test
    void progressAbove100PercentIsAProblemNamingTheFieldAndWritesNothing() throws Exception {
        UUID user = registeredUser("UTC");
        UUID post = publishedPost(null, 5);

        HttpResponse<String> response =
                put(user, "/api/v1/progress/posts/" + post, "{\"depthPercent\":101,\"secondsSpent\":10}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://lectern.dev/problems/invalid-field");
        assertThat(problem.get("field").asString()).isEqualTo("depthPercent");
        assertThat(count("select count(*) from reading_progress where user_id = :user", user))
                .isZero();
    }

    @Test
    void anUnknownPostIsAProblemAndWritesNothing() throws Exception {
        UUID user = registeredUser("UTC");

        HttpResponse<String> response =
                put(user, "/api/v1/progress/posts/" + UUID.randomUUID(), "{\"depthPercent\":50,\"secondsSpent\":10}");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://lectern.dev/problems/not-found");
        assertThat(problem.get("field").asString()).isEqualTo("postId");
        assertThat(count("select count(*) from reading_progress where user_id = :user", user))
                .isZero();
    }

    @Test
    void readingEveryPostOfASeriesCompletesItOnceAndShowsTheNextPostUntilThen() throws Exception {
        UUID user = registeredUser("UTC");
        UUID seriesId = UUID.randomUUID();
        UUID first = publishedPost(seriesId, 1);
        UUID second = publishedPost(seriesId, 1);
        tx.executeWithoutResult(s -> seriesCatalog.onChanged(series(seriesId, List.of(first, second), 1)));

        report(user, first, 100, 60);
        JsonNode half = get(user, "/api/v1/progress/series/" + seriesId);
        assertThat(half.get("percentDone").asInt()).isEqualTo(50);
        assertThat(half.get("nextPost").get("id").asString()).isEqualTo(second.toString());
        JsonNode cont = get(user, "/api/v1/progress/continue");
        assertThat(cont.get("reason").asString()).isEqualTo("NEXT_IN_SERIES");
        assertThat(cont.get("post").get("id").asString()).isEqualTo(second.toString());

        report(user, second, 100, 60);
        report(user, second, 100, 70);
        JsonNode done = get(user, "/api/v1/progress/series/" + seriesId);
        assertThat(done.get("completed").asBoolean()).isTrue();
        assertThat(done.get("percentDone").asInt()).isEqualTo(100);
        assertThat(done.get("nextPost").isNull()).isTrue();
        assertThat(count("select count(*) from xp_award where user_id = :user and rule = 'series-completed'", user))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from outbox where type = 'learning.series-completed.v1' and aggregate_id = :user::text",
                        user))
                .isEqualTo(1);
    }

    @Test
    void markingReadByHandCountsForProgressButEarnsNothingAndUnreadKeepsTheLedger() throws Exception {
        UUID user = registeredUser("UTC");
        UUID post = publishedPost(null, 3);

        HttpResponse<String> marked = send(request("/api/v1/progress/posts/" + post + "/read", user)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(json.readTree(marked.body()).get("manual").asBoolean()).isTrue();
        assertThat(get(user, "/api/v1/progress").get("postsRead").asLong()).isEqualTo(1);
        assertThat(count("select count(*) from xp_award where user_id = :user", user))
                .isZero();

        report(user, post, 100, 300); // now really read: earns once
        send(request("/api/v1/progress/posts/" + post + "/read", user).DELETE().build());
        JsonNode reread = report(user, post, 100, 300);
        assertThat(reread.get("read").asBoolean()).isTrue();
        assertThat(reread.get("xpAwarded").asInt()).isZero();
        assertThat(count("select count(*) from xp_award where user_id = :user", user))
                .isEqualTo(1);
    }

    @Test
    void anUnpublishedPostLeavesTheSummaryButTheReadersHistoryStays() throws Exception {
        UUID user = registeredUser("UTC");
        UUID post = publishedPost(null, 1);
        report(user, post, 100, 60);
        tx.executeWithoutResult(s -> posts.onUnpublished(
                new io.lectern.contracts.events.content.PostUnpublished(post, "slug", java.time.Instant.now(), 2)));

        JsonNode summary = get(user, "/api/v1/progress");

        assertThat(summary.get("recent").size()).isZero();
        assertThat(summary.get("postsRead").asLong()).isEqualTo(1);
        assertThat(count("select count(*) from reading_progress where user_id = :user", user))
                .isEqualTo(1);
    }

    UUID publishedPost(UUID seriesId, int minutes) {
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> posts.onPublished(post(id, seriesId, seriesId == null ? null : 1, minutes, 1)));
        return id;
    }

    JsonNode report(UUID user, UUID post, double depth, int seconds) throws Exception {
        HttpResponse<String> response = put(
                user,
                "/api/v1/progress/posts/" + post,
                "{\"depthPercent\":" + depth + ",\"secondsSpent\":" + seconds + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    HttpResponse<String> put(UUID user, String path, String body) throws Exception {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    JsonNode get(UUID user, String path) throws Exception {
        HttpResponse<String> response = send(request(path, user).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
