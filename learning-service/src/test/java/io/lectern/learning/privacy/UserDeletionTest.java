package io.lectern.learning.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.learning.LearningIntegrationTest;
import io.lectern.learning.leaderboard.Leaderboards;
import io.lectern.learning.post.Posts;
import io.lectern.learning.xp.XpLedger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class UserDeletionTest extends LearningIntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    XpLedger ledger;

    @Autowired
    Leaderboards boards;

    @Autowired
    ObjectMapper json;

    @Test
    void theExportHasEverySectionAndDeletionLeavesNoRowAndNoRedisEntry() throws Exception {
        UUID user = registeredUser("Europe/Berlin");
        UUID other = registeredUser("UTC");
        UUID post = UUID.randomUUID();
        tx.executeWithoutResult(s -> posts.onPublished(post(post, null, null, 1, 1)));
        for (UUID u : List.of(user, other)) {
            ok(send(request("/api/v1/progress/posts/" + post, u)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"depthPercent\":100,\"secondsSpent\":60}"))
                    .build()));
            ok(send(request("/api/v1/bookmarks/" + post, u)
                    .PUT(HttpRequest.BodyPublishers.noBody())
                    .build()));
            ok(send(request("/api/v1/notes", u)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"postId\":\"" + post + "\",\"body\":\"a note\"}"))
                    .build()));
            ok(send(request("/api/v1/gamification/title", u)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"badgeId\":\"first-read\"}"))
                    .build()));
        }
        JsonNode export = json.readTree(
                ok(send(request("/api/v1/progress/export", user).GET().build())).body());
        assertThat(export.get("sections").propertyNames())
                .contains("readingProgress", "bookmarks", "notes", "xp", "badges", "streak", "gamificationProfile");
        assertThat(export.get("sections")
                        .get("xp")
                        .get("awards")
                        .get(0)
                        .get("rule")
                        .asString())
                .isEqualTo("post-read");
        assertThat(export.get("sections").get("notes").get(0).get("body").asString())
                .isEqualTo("a note");
        assertThat(boards.snapshot(boards.allTimeKey())).containsKey(user.toString());

        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.columns
                        where table_schema = 'learning' and column_name = 'user_id' and table_name <> 'learner'
                        """).query(String.class).list();
        assertThat(tables).contains("xp_award", "reading_progress", "bookmark", "study_note", "user_badge", "streak");
        // the other user's rows, table by table: deletion must leave every one of them
        java.util.Map<String, Long> othersBefore = new java.util.HashMap<>();
        for (String table : tables) {
            othersBefore.put(table, count("select count(*) from " + table + " where user_id = :user", other));
        }
        assertThat(othersBefore.get("xp_award")).isPositive();

        UUID eventId = publishToBus(user.toString(), new UserDeleted(user, Instant.now()));
        awaitHandled(eventId);

        for (String table : tables) {
            assertThat(count("select count(*) from " + table + " where user_id = :user", user))
                    .as(table)
                    .isZero();
            assertThat(count("select count(*) from " + table + " where user_id = :user", other))
                    .as(table + " of another user")
                    .isEqualTo(othersBefore.get(table));
        }
        assertThat(jdbc.sql(
                                "select display_name || '|' || time_zone || '|' || deleted from learner where user_id = :user")
                        .param("user", user)
                        .query(String.class)
                        .single())
                .isEqualTo("|UTC|true");
        for (String key : redis.scanIteration(1_000, namespace + ":learning:*").collect(new java.util.ArrayList<>())) {
            assertThat(redis.zscore(key, user.toString())).as(key).isNull();
        }
        assertThat(boards.snapshot(boards.allTimeKey())).containsKey(other.toString());

        // a late event about the deleted user brings nothing back
        tx.executeWithoutResult(s -> ledger.award(user, "post-read", "late", Instant.now()));
        UUID late = publishToBus(
                user.toString(), new UserProfileChanged(user, "Back", null, "en", "UTC", false, false, 99));
        awaitHandled(late);
        assertThat(count("select count(*) from xp_award where user_id = :user", user))
                .isZero();
        assertThat(jdbc.sql("select display_name from learner where user_id = :user")
                        .param("user", user)
                        .query(String.class)
                        .single())
                .isEmpty();
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }
}
