package io.lectern.learning.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.learning.LearningIntegrationTest;
import io.lectern.learning.xp.XpLedger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class LeaderboardsTest extends LearningIntegrationTest {

    @Autowired
    Leaderboards boards;

    @Autowired
    XpLedger ledger;

    @Autowired
    ObjectMapper json;

    @Test
    void boardsRebuiltFromTheLedgerEqualTheLiveOnes() {
        Instant now = Instant.now();
        List<UUID> users = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            UUID user = registeredUser("UTC");
            users.add(user);
            for (int a = 0; a <= u % 5; a++) {
                ledger.award(
                        user, "post-read", "post-" + a, now.minusSeconds(86_400L * 3 * a)); // spans this and last week
            }
        }
        ledger.award(users.getFirst(), "series-completed", "s-1", now);
        boards.optOut(users.get(1), true, now);
        String lastWeek = boards.weekKey(boards.weekOf(now).minusWeeks(1));
        String thisWeek = boards.weekKey(boards.weekOf(now));
        Map<String, Long> liveAll = boards.snapshot(boards.allTimeKey());
        Map<String, Long> liveWeek = boards.snapshot(thisWeek);
        Map<String, Long> liveLastWeek = boards.snapshot(lastWeek);
        assertThat(liveAll)
                .containsKey(users.getFirst().toString())
                .doesNotContainKey(users.get(1).toString());

        redis.del(boards.allTimeKey(), thisWeek, lastWeek); // Redis lost them
        assertThat(boards.present()).isFalse();
        boards.rebuild(now);

        assertThat(boards.snapshot(boards.allTimeKey())).isEqualTo(liveAll);
        assertThat(boards.snapshot(thisWeek)).isEqualTo(liveWeek);
        assertThat(boards.snapshot(lastWeek)).isEqualTo(liveLastWeek);
    }

    @Test
    void topTenAndOwnRankWithNeighboursComeBestFirstWithNames() throws Exception {
        UUID leader = registeredUser("UTC");
        UUID me = registeredUser("UTC");
        for (int i = 0; i < 40; i++) {
            ledger.award(leader, "post-read", "lead-" + i, Instant.now());
        }
        for (int i = 0; i < 39; i++) {
            ledger.award(me, "post-read", "me-" + i, Instant.now());
        }

        JsonNode top = get(me, "/api/v1/gamification/leaderboards/all-time?limit=10");
        JsonNode mine = get(me, "/api/v1/gamification/leaderboards/all-time/me?around=2");

        assertThat(top.get("entries").size()).isBetween(2, 10);
        assertThat(top.get("entries").get(0).get("userId").asString()).isEqualTo(leader.toString());
        assertThat(top.get("entries").get(0).get("displayName").asString()).startsWith("Reader ");
        assertThat(top.get("entries").get(1).get("userId").asString()).isEqualTo(me.toString());
        assertThat(top.get("entries").get(1).get("you").asBoolean()).isTrue();
        JsonNode entries = mine.get("entries");
        assertThat(entries.get(0).get("userId").asString()).isEqualTo(leader.toString());
        assertThat(entries.get(1).get("rank").asLong()).isEqualTo(2);
        assertThat(entries.get(1).get("xp").asLong()).isEqualTo(390);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).get("xp").asLong())
                    .isLessThanOrEqualTo(entries.get(i - 1).get("xp").asLong());
            assertThat(entries.get(i).get("rank").asLong())
                    .isEqualTo(entries.get(i - 1).get("rank").asLong() + 1);
        }
        assertThat(mine.get("weekZone").asString()).isEqualTo("UTC");
    }

    @Test
    void anOptedOutUserIsHiddenButStillEarnsAndReturnsWhenOptingBackIn() throws Exception {
        UUID user = registeredUser("UTC");
        ledger.award(user, "post-read", "p1", Instant.now());
        HttpResponse<String> out = putOptOut(user, "{\"optOut\":true}");
        ledger.award(user, "post-read", "p2", Instant.now());

        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(get(user, "/api/v1/gamification/leaderboards/all-time/me")
                        .get("entries")
                        .size())
                .isZero();
        assertThat(ledger.standing(user).total()).isEqualTo(20);

        putOptOut(user, "{\"optOut\":false}");
        JsonNode back = get(user, "/api/v1/gamification/leaderboards/week/me?around=0");
        assertThat(back.get("entries").get(0).get("xp").asLong()).isEqualTo(20);
    }

    @Test
    void theOptOutStateIsReadBackAsSetAndIsFalseForAUserWhoNeverChose() throws Exception {
        UUID user = registeredUser("UTC");
        UUID other = registeredUser("UTC");
        String state = "/api/v1/gamification/leaderboards/opt-out";

        assertThat(get(user, state).get("optOut").asBoolean(true)).isFalse();
        assertThat(putOptOut(user, "{\"optOut\":true}").statusCode()).isEqualTo(204);
        assertThat(get(user, state).get("optOut").asBoolean(false)).isTrue();
        assertThat(get(other, state).get("optOut").asBoolean(true))
                .as("another user's choice is their own")
                .isFalse();
        assertThat(putOptOut(user, "{\"optOut\":false}").statusCode()).isEqualTo(204);
        assertThat(get(user, state).get("optOut").asBoolean(true)).isFalse();
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + state))
                                .GET()
                                .build())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void anOptOutWithoutAChoiceIsAProblemNamingTheFieldAndChangesNothing() throws Exception {
        UUID user = registeredUser("UTC");
        putOptOut(user, "{\"optOut\":true}");

        HttpResponse<String> missing = putOptOut(user, "{}");
        HttpResponse<String> nullChoice = putOptOut(user, "{\"optOut\":null}");

        for (HttpResponse<String> r : List.of(missing, nullChoice)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            JsonNode problem = json.readTree(r.body());
            assertThat(problem.get("field").asString()).isEqualTo("optOut");
            assertThat(problem.get("type").asString()).endsWith("/invalid-field");
        }
        assertThat(get(user, "/api/v1/gamification/leaderboards/opt-out")
                        .get("optOut")
                        .asBoolean(false))
                .as("still opted out")
                .isTrue();
    }

    @Test
    void rebuildingIsForAdminsOnlyAndAnUnknownBoardIsAProblem() throws Exception {
        UUID user = registeredUser("UTC");

        HttpResponse<String> asReader = send(request("/api/v1/gamification/leaderboards/rebuild", user)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        HttpResponse<String> unknown = send(
                request("/api/v1/gamification/leaderboards/monthly", user).GET().build());

        assertThat(asReader.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("field").asString()).isEqualTo("board");
    }

    HttpResponse<String> putOptOut(UUID user, String body) throws Exception {
        return send(request("/api/v1/gamification/leaderboards/opt-out", user)
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
