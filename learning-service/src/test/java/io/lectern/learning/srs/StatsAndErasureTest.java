package io.lectern.learning.srs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lectern.contracts.events.identity.UserDeleted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatsAndErasureTest extends SrsTestSupport {

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void statsCountReviewsPerLocalDayTrueRetentionStatesForecastAndRetrievabilityPerPost() throws Exception {
        UUID user = registeredUser("Pacific/Auckland");
        UUID postId = UUID.randomUUID();
        awaitHandled(publishToBus(postId.toString(), SourceChangesTest.published(postId, SourceChangesTest.ORIGINAL)));
        Instant day1 = Instant.parse("2034-03-02T20:00:00Z"); // 09:00 on 3 March in Auckland
        clock.set(day1);
        UUID a = card(user, Map.of("kind", "BASIC", "front", "A", "back", "a", "postId", postId, "anchor", "spacing"));
        UUID b = card(user, Map.of("kind", "BASIC", "front", "B", "back", "b"));
        card(user, Map.of("kind", "BASIC", "front", "C", "back", "c"));
        rate(user, a, 4); // review, 8 days
        rate(user, b, 4);
        clock.set(day1.plus(Duration.ofDays(8)));
        rate(user, a, 3); // a mature review recalled
        rate(user, b, 1); // a mature review forgotten: relearning

        JsonNode stats = json(get("/api/v1/srs/stats", user).body());
        assertThat(stats.get("reviewsPerDay")).hasSize(2);
        assertThat(stats.get("reviewsPerDay").get(0).get("day").asString()).isEqualTo("2034-03-03");
        assertThat(stats.get("reviewsPerDay").get(1).get("reviews").asInt()).isEqualTo(2);
        assertThat(stats.get("reviewsPerDay").get(1).get("recalled").asInt()).isEqualTo(1);
        assertThat(stats.get("trueRetention30d").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(stats.get("matureReviews30d").asInt()).isEqualTo(2);
        assertThat(stats.get("cardsPerState").get("NEW").asInt()).isEqualTo(1);
        assertThat(stats.get("cardsPerState").get("REVIEW").asInt()).isEqualTo(1);
        assertThat(stats.get("cardsPerState").get("RELEARNING").asInt()).isEqualTo(1);
        assertThat(stats.get("retrievabilityHistogram").get(9).asInt())
                .as("both just reviewed")
                .isEqualTo(2);
        assertThat(stats.get("dueForecast")).hasSize(30);
        assertThat(stats.get("dueForecast").get(0).get("day").asString()).isEqualTo("2034-03-11");
        assertThat(stats.get("dueForecast").get(0).get("due").asInt())
                .as("relearning card due today")
                .isEqualTo(1);

        JsonNode perPost = json(get("/api/v1/srs/stats/posts/" + postId, user).body());
        assertThat(perPost.get("cards").asInt()).isEqualTo(1);
        assertThat(perPost.get("averageRetrievability").asDouble()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aDeletedUserLeavesNoCardReviewDraftSettingOrInboxRowBehind() throws Exception {
        UUID user = registeredUser("UTC");
        UUID keep = registeredUser("UTC");
        assertThat(put(
                                "/api/v1/srs/settings",
                                user,
                                Map.of(
                                        "desiredRetention",
                                        0.85,
                                        "newPerDay",
                                        5,
                                        "maximumInterval",
                                        400,
                                        "inboxReview",
                                        true))
                        .statusCode())
                .isEqualTo(200);
        UUID a = card(user, Map.of("kind", "CLOZE", "text", "{{c1::Erase}} {{c2::everything}}"));
        rate(user, a, 3);
        UUID other = card(keep, Map.of("kind", "BASIC", "front", "Stay", "back", "here"));

        awaitHandled(publishToBus(user.toString(), new UserDeleted(user, Instant.now())));

        for (String table : List.of(
                "srs_card", "srs_review", "srs_settings", "srs_draft", "srs_inbox_sent", "srs_grade_link_use")) {
            assertThat(count("select count(*) from " + table + " where user_id = :user", user))
                    .as(table)
                    .isZero();
        }
        assertThat(get("/api/v1/srs/cards/" + other, keep).statusCode()).isEqualTo(200);
    }

    private UUID card(UUID user, Map<String, Object> body) throws Exception {
        var r = post("/api/v1/srs/cards", user, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(json(r.body()).get(0).get("id").asString());
    }

    private void rate(UUID user, UUID card, int rating) throws Exception {
        long version = json(get("/api/v1/srs/cards/" + card, user).body())
                .get("version")
                .asLong();
        var r = review(user, card, rating, version);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
