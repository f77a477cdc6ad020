package io.lectern.learning.srs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.learning.srs.fsrs.Fsrs;
import io.lectern.learning.srs.fsrs.Rating;
import io.lectern.learning.srs.fsrs.Scheduler;
import io.lectern.learning.srs.fsrs.SchedulerSettings;
import io.lectern.learning.srs.fsrs.SchedulingState;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReviewApiTest extends SrsTestSupport {

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void sixtyDaysOfReviewsThroughTheApiFollowThePureSchedulerExactly() throws Exception {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        UUID user = registeredUser(zone.getId());
        Instant start = Instant.parse("2031-01-06T07:00:00Z");
        clock.set(start);
        Scheduler pure = new Scheduler(Fsrs.withDefaults(), SchedulerSettings.defaults());
        Map<UUID, SchedulingState> expected = new HashMap<>();
        Map<UUID, Long> seeds = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            UUID id = UUID.fromString(basicCard(user, "Question " + i).get("id").asString());
            expected.put(id, SchedulingState.newCard(start));
            seeds.put(id, id.getMostSignificantBits() ^ id.getLeastSignificantBits());
        }
        int reviews = 0;
        int againOrHard = 0;
        for (int day = 0; day < 60; day++) {
            Instant now = start.plus(Duration.ofDays(day));
            for (int pass = 0; pass < 4; pass++) {
                clock.set(now);
                JsonNode queue = json(get("/api/v1/srs/queue", user).body());
                for (JsonNode item : queue.get("items")) {
                    UUID id = UUID.fromString(item.get("card").get("id").asString());
                    int rating = rating(day, pass, reviews);
                    againOrHard += rating <= 2 ? 1 : 0;
                    HttpResponse<String> r = review(
                            user, id, rating, item.get("card").get("version").asLong());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                    SchedulingState next = pure.review(
                                    expected.get(id), Rating.ofGrade(rating), now, zone, seeds.get(id))
                            .after();
                    expected.put(id, next);
                    JsonNode card = json(r.body()).get("card");
                    assertThat(Instant.parse(card.get("due").asString()))
                            .as("due of %s on day %d", id, day)
                            .isEqualTo(next.due());
                    assertThat(card.get("stability").asDouble())
                            .isEqualTo(next.memory().stability());
                    assertThat(card.get("difficulty").asDouble())
                            .isEqualTo(next.memory().difficulty());
                    assertThat(card.get("state").asString())
                            .isEqualTo(next.state().name());
                    reviews++;
                }
                now = now.plus(Duration.ofMinutes(11));
            }
        }
        assertThat(reviews).isGreaterThan(50);
        assertThat(againOrHard).isGreaterThan(3);
        assertThat(count("select count(*) from srs_review where user_id = :user", user))
                .isEqualTo(reviews);
        for (Map.Entry<UUID, SchedulingState> e : expected.entrySet()) {
            JsonNode card = json(get("/api/v1/srs/cards/" + e.getKey(), user).body());
            assertThat(Instant.parse(card.get("due").asString()))
                    .isEqualTo(e.getValue().due());
            assertThat(card.get("reps").asInt()).isEqualTo(e.getValue().reps());
        }
    }

    /** A fixed mix of answers: mostly Good, some Again, Hard and Easy. */
    private static int rating(int day, int pass, int n) {
        int k = (day * 7 + pass * 3 + n) % 11;
        return k == 0 ? 1 : k == 5 ? 2 : k == 9 ? 4 : 3;
    }

    @Test
    void twoConcurrentSubmitsOfTheSameReviewRecordOneReviewAndAwardOnce() throws Exception {
        UUID user = registeredUser("UTC");
        JsonNode card = basicCard(user, "Concurrency");
        UUID id = UUID.fromString(card.get("id").asString());
        long version = card.get("version").asLong();
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(() -> {
                barrier.await();
                return review(user, id, 3, version).statusCode();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(count("select count(*) from srs_review where user_id = :user", user))
                .isEqualTo(1);
        assertThat(count("select count(*) from xp_award where user_id = :user and rule = 'card-reviewed'", user))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from outbox where type = 'learning.card-reviewed.v1' and aggregate_id = :user::text",
                        user))
                .isEqualTo(1);
    }

    @Test
    void badRatingsAnotherUsersCardASuspendedCardAndRetentionOutOfRangeAreProblemsThatWriteNothing() throws Exception {
        UUID owner = registeredUser("UTC");
        UUID other = registeredUser("UTC");
        JsonNode card = basicCard(owner, "Guarded");
        UUID id = UUID.fromString(card.get("id").asString());
        long version = card.get("version").asLong();

        for (int rating : new int[] {0, 5}) {
            HttpResponse<String> r = review(owner, id, rating, version);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(json(r.body()).get("errors").get(0).get("field").asString())
                    .isEqualTo("rating");
        }
        HttpResponse<String> foreign = review(other, id, 3, version);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(json(foreign.body()).get("type").asString()).endsWith("/srs/card-not-found");

        assertThat(post("/api/v1/srs/cards/" + id + "/suspend", owner, Map.of()).statusCode())
                .isEqualTo(200);
        long suspendedVersion = json(get("/api/v1/srs/cards/" + id, owner).body())
                .get("version")
                .asLong();
        HttpResponse<String> suspended = review(owner, id, 3, suspendedVersion);
        assertThat(suspended.statusCode()).isEqualTo(409);
        assertThat(json(suspended.body()).get("type").asString()).endsWith("/srs/card-suspended");
        assertThat(json(suspended.body()).get("field").asString()).isEqualTo("cardId");

        HttpResponse<String> retention = put(
                "/api/v1/srs/settings",
                owner,
                Map.of("desiredRetention", 0.99, "newPerDay", 20, "maximumInterval", 365, "inboxReview", true));
        assertThat(retention.statusCode()).isEqualTo(400);
        assertThat(json(retention.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("desiredRetention");

        assertThat(count("select count(*) from srs_review where user_id = :user", owner))
                .isZero();
        assertThat(count("select count(*) from xp_award where user_id = :user", owner))
                .isZero();
        assertThat(count("select count(*) from srs_settings where user_id = :user", owner))
                .isZero();
        JsonNode after = json(get("/api/v1/srs/cards/" + id, owner).body());
        assertThat(after.get("state").asString()).isEqualTo("NEW");
        assertThat(after.get("reps").asInt()).isZero();
        assertThat(json(get("/api/v1/srs/settings", owner).body())
                        .get("desiredRetention")
                        .asDouble())
                .isEqualTo(0.9);
    }

    @Test
    void undoPutsTheCardBackAsItWasAndDropsTheLogEntry() throws Exception {
        UUID user = registeredUser("UTC");
        JsonNode card = basicCard(user, "Undo me");
        UUID id = UUID.fromString(card.get("id").asString());
        HttpResponse<String> first = review(user, id, 3, card.get("version").asLong());
        JsonNode afterFirst = json(first.body()).get("card");
        HttpResponse<String> second =
                review(user, id, 1, afterFirst.get("version").asLong());
        assertThat(second.statusCode()).isEqualTo(201);

        HttpResponse<String> undone = post("/api/v1/srs/reviews/undo", user, Map.of());
        assertThat(undone.statusCode()).isEqualTo(200);
        JsonNode restored = json(undone.body());
        assertThat(restored.get("due").asString())
                .isEqualTo(afterFirst.get("due").asString());
        assertThat(restored.get("stability").asDouble())
                .isEqualTo(afterFirst.get("stability").asDouble());
        assertThat(restored.get("state").asString())
                .isEqualTo(afterFirst.get("state").asString());
        assertThat(restored.get("reps").asInt()).isEqualTo(1);
        assertThat(count("select count(*) from srs_review where user_id = :user", user))
                .isEqualTo(1);
    }

    @Test
    void theQueueServesDueCardsFirstThenNewOnesUpToTheDailyLimitAndNeverTwoClozeSiblingsADay() throws Exception {
        UUID user = registeredUser("America/New_York");
        clock.set(Instant.parse("2031-05-04T14:00:00Z"));
        assertThat(put(
                                "/api/v1/srs/settings",
                                user,
                                Map.of(
                                        "desiredRetention",
                                        0.9,
                                        "newPerDay",
                                        3,
                                        "maximumInterval",
                                        36500,
                                        "inboxReview",
                                        false))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> cloze = post(
                "/api/v1/srs/cards",
                user,
                Map.of("kind", "CLOZE", "text", "{{c1::FSRS}} schedules by {{c2::stability}} and {{c3::difficulty}}."));
        assertThat(json(cloze.body())).hasSize(3);
        // new cards are served oldest first: the plain cards come a second later than the cloze text
        clock.set(Instant.parse("2031-05-04T14:00:01Z"));
        for (int i = 0; i < 4; i++) {
            basicCard(user, "Plain " + i);
        }
        JsonNode queue = json(get("/api/v1/srs/queue", user).body());
        List<String> fronts = new ArrayList<>();
        queue.get("items").forEach(i -> fronts.add(i.get("card").get("front").asString()));
        assertThat(fronts).hasSize(3);
        assertThat(fronts.stream().filter(f -> f.contains("[...]")).count()).isEqualTo(1);
        assertThat(queue.get("newRemaining").asInt()).isZero();

        // review the cloze card shown today (the queue's order among cards created at the same instant is by id)
        JsonNode first = null;
        for (JsonNode item : queue.get("items")) {
            if (item.get("card").get("front").asString().contains("[...]")) {
                first = item.get("card");
            }
        }
        assertThat(first).isNotNull();
        review(
                user,
                UUID.fromString(first.get("id").asString()),
                4,
                first.get("version").asLong());
        JsonNode later = json(get("/api/v1/srs/queue", user).body());
        later.get("items")
                .forEach(i -> assertThat(i.get("card").get("front").asString()).doesNotContain("[...]"));
        assertThat(later.get("newRemaining").asInt()).isZero();
        assertThat(later.get("items")).hasSize(2);
    }
}
