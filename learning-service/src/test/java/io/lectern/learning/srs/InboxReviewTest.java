package io.lectern.learning.srs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class InboxReviewTest extends SrsTestSupport {

    @Autowired
    InboxReviews inbox;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aGradeLinkRecordsTheReviewOnceAndIsRefusedWhenTamperedOrExpired() throws Exception {
        UUID user = registeredUser("Asia/Tokyo");
        UUID optedOut = registeredUser("Asia/Tokyo");
        Instant created = Instant.parse("2032-02-01T00:00:00Z"); // 09:00 in Tokyo
        clock.set(created);
        optIn(user, true);
        optIn(optedOut, false);
        List<UUID> cards = new ArrayList<>();
        for (String front : List.of("Capital of Japan?", "Largest planet?")) {
            JsonNode card = basicCard(user, front);
            UUID id = UUID.fromString(card.get("id").asString());
            review(user, id, 4, card.get("version").asLong()); // Easy: review state, due in 8 days
            cards.add(id);
            JsonNode other = basicCard(optedOut, front);
            review(
                    optedOut,
                    UUID.fromString(other.get("id").asString()),
                    4,
                    other.get("version").asLong());
        }

        // Easy on a new card: 8 days, fuzzed to 6..10 per card; on day 10 both cards are due
        clock.set(created.plus(Duration.ofDays(10)).minus(Duration.ofHours(3))); // 06:00 Tokyo: before the hour
        assertThat(inbox.publishDue(clock.instant())).isZero();
        clock.set(created.plus(Duration.ofDays(10)));
        assertThat(inbox.publishDue(clock.instant())).isEqualTo(1);
        assertThat(inbox.publishDue(clock.instant())).as("once a day").isZero();

        JsonNode due = json(
                jdbc.sql("""
                        select payload::text from outbox where type = 'learning.cards-due.v1' and aggregate_id = :user
                        """).param("user", user.toString()).query(String.class).single());
        assertThat(count(
                        "select count(*) from outbox where type = 'learning.cards-due.v1' and aggregate_id = :user::text",
                        optedOut))
                .isZero();
        assertThat(due.get("localDate").asString()).isEqualTo("2032-02-11");
        assertThat(due.get("cards")).hasSize(2);
        JsonNode first = due.get("cards").get(0);
        JsonNode second = due.get("cards").get(1);
        assertThat(first.get("links")).hasSize(4);
        String good = link(first, 3);
        assertThat(good).startsWith("https://lectern.test/api/v1/srs/grade-links/");

        HttpResponse<String> click = click(good);
        assertThat(click.statusCode()).as(click.body()).isEqualTo(200);
        assertThat(json(click.body()).get("recorded").asBoolean()).isTrue();
        UUID firstCard = UUID.fromString(first.get("cardId").asString());
        assertThat(jdbc.sql("select rating || '/' || via from srs_review where card_id = :card and reviewed_at > :at")
                        .param("card", firstCard)
                        .param("at", java.sql.Timestamp.from(created.plus(Duration.ofDays(1))))
                        .query(String.class)
                        .list())
                .containsExactly("3/EMAIL");

        HttpResponse<String> again = click(link(first, 1));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).get("recorded").asBoolean()).isFalse();
        assertThat(click(good).statusCode()).isEqualTo(200);
        long reviewsAfterClicks = count("select count(*) from srs_review where user_id = :user", user);
        assertThat(reviewsAfterClicks).isEqualTo(3);

        String secondGood = link(second, 3);
        String token = secondGood.substring(secondGood.lastIndexOf('/') + 1);
        String payload = token.substring(0, token.indexOf('.'));
        String forged = payload.substring(0, payload.length() - 2)
                + (payload.endsWith("A") ? "B" : "A")
                + payload.charAt(payload.length() - 1)
                + token.substring(token.indexOf('.'));
        HttpResponse<String> tampered = click("https://lectern.test/api/v1/srs/grade-links/" + forged);
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(json(tampered.body()).get("type").asString()).endsWith("/srs/grade-link-invalid");

        clock.set(Instant.parse(due.get("expiresAt").asString()).plusSeconds(1));
        HttpResponse<String> expired = click(secondGood);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(json(expired.body()).get("type").asString()).endsWith("/srs/grade-link-expired");
        assertThat(count("select count(*) from srs_review where user_id = :user", user))
                .isEqualTo(reviewsAfterClicks);
    }

    private void optIn(UUID user, boolean inbox) throws Exception {
        HttpResponse<String> r = put(
                "/api/v1/srs/settings",
                user,
                Map.of("desiredRetention", 0.9, "newPerDay", 20, "maximumInterval", 36500, "inboxReview", inbox));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    private static String link(JsonNode card, int rating) {
        for (JsonNode l : card.get("links")) {
            if (l.get("rating").asInt() == rating) {
                return l.get("url").asString();
            }
        }
        throw new AssertionError("no link for rating " + rating);
    }

    /** Follows an e-mailed link against this service, without any token (the links carry no session). */
    private HttpResponse<String> click(String url) throws Exception {
        String path = URI.create(url).getRawPath();
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    }
}
