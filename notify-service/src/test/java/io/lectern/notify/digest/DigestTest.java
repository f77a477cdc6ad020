package io.lectern.notify.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.PostUnpublished;
import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.notify.NotifyIntegrationTest;
import io.lectern.notify.TestSmtp;
import io.lectern.notify.config.NotifyProperties;
import io.lectern.notify.email.EmailQueue;
import io.lectern.notify.messaging.ContentEvents;
import io.lectern.notify.messaging.IdentityEvents;
import io.lectern.notify.recipient.Recipients;
import io.lectern.notify.review.ReviewCards;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DigestTest extends NotifyIntegrationTest {

    // A day of its own, far from "now", so no other test's posts fall into its windows.
    private static final Instant RUN_AT = Instant.parse("2031-03-10T09:00:00Z");

    @Autowired
    IdentityEvents identity;

    @Autowired
    ContentEvents content;

    @Autowired
    Recipients recipients;

    @Autowired
    DigestPosts posts;

    @Autowired
    EmailQueue emails;

    @Autowired
    NotifyProperties props;

    @Autowired
    DigestJob job;

    @Autowired
    ReviewCards reviewCards;

    @Test
    void threeInstancesRunningTheSameDayQueueOneDigestPerSubscriberAndNoneWithoutNewPosts() throws Exception {
        String utc = subscriber("UTC");
        String kiritimati = subscriber("Pacific/Kiritimati"); // 23:00 local: its window closed before the post
        String losAngeles = subscriber("America/Los_Angeles"); // 01:00 local: not due yet
        publish("Fresh <post>", Instant.parse("2031-03-10T07:30:00Z"), 1);
        publish("Yesterday's", Instant.parse("2031-03-08T12:00:00Z"), 1); // before both windows
        UUID hidden = publish("Withdrawn", Instant.parse("2031-03-10T06:00:00Z"), 1);
        inTx(() -> content.onPostUnpublished(
                new PostUnpublished(hidden, "withdrawn", Instant.now(), 2),
                envelope("content.post-unpublished.v1", hidden.toString())));

        List<DigestRun> instances = List.of(instance(), instance(), instance());
        CyclicBarrier start = new CyclicBarrier(instances.size());
        List<Callable<Integer>> runs = new ArrayList<>();
        for (DigestRun run : instances) {
            runs.add(() -> {
                start.await();
                return run.runAt(RUN_AT);
            });
        }
        int queued = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> f : pool.invokeAll(runs)) {
                queued += f.get();
            }
        }
        assertThat(queued).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> TestSmtp.to(utc).size() == 1);
        String digest = TestSmtp.content(TestSmtp.to(utc).getFirst());
        assertThat(digest).contains("Fresh &lt;post&gt;").contains("https://lectern.test/posts/fresh-post");
        assertThat(digest).doesNotContain("Yesterday").doesNotContain("Withdrawn");

        // A rerun of the same day (a second trigger, or the next run after a crash) sends nothing again.
        assertThat(instance().runAt(RUN_AT.plus(Duration.ofHours(2)))).isZero();
        await().during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(3))
                .until(() -> TestSmtp.to(utc).size() == 1
                        && TestSmtp.to(kiritimati).isEmpty()
                        && TestSmtp.to(losAngeles).isEmpty());
        assertThat(jdbc.sql("SELECT count(*) FROM digest_sent WHERE digest_date = DATE '2031-03-10'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theScheduledJobTakesItsShedLockInTheDatabase() {
        job.runNow();
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'notify-daily-digest' AND lock_until > now()")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // While the lock is held (lockAtLeastFor), another trigger on any instance is skipped.
        Instant lockedAt = jdbc.sql("SELECT locked_at FROM shedlock WHERE name = 'notify-daily-digest'")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        job.runNow();
        assertThat(jdbc.sql("SELECT locked_at FROM shedlock WHERE name = 'notify-daily-digest'")
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(lockedAt);
    }

    @Test
    void signedInUsersSubscribeAndUnsubscribeAndUnknownOnesGetAProblem() throws Exception {
        UUID user = UUID.randomUUID();
        inTx(() -> identity.onUserRegistered(
                new UserRegistered(user, uniqueAddress("dg"), "D", "en", "UTC", null, Instant.now()),
                envelope("identity.user-registered.v1", user.toString())));
        HttpResponse<String> on = call("POST", user);
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(on.body()).contains("\"subscribed\":true");
        assertThat(recipients.find(user).orElseThrow().digestOptIn()).isTrue();
        HttpResponse<String> off = call("DELETE", user);
        assertThat(off.body()).contains("\"subscribed\":false");
        assertThat(recipients.find(user).orElseThrow().digestOptIn()).isFalse();

        HttpResponse<String> unknown = call("POST", UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(409);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(send(request("/api/v1/digest/subscription")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> call(String method, UUID user) throws Exception {
        return send(request("/api/v1/digest/subscription")
                .header("Authorization", bearer(user))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private DigestRun instance() {
        return new DigestRun(recipients, posts, emails, jdbc, tx, props, reviewCards);
    }

    private String subscriber(String timeZone) {
        UUID user = UUID.randomUUID();
        String address = uniqueAddress("digest");
        inTx(() -> {
            identity.onUserRegistered(
                    new UserRegistered(user, address, "Sub", "en", timeZone, null, Instant.now()),
                    envelope("identity.user-registered.v1", user.toString()));
            identity.onUserProfileChanged(
                    new UserProfileChanged(user, "Sub", null, "en", timeZone, true, true, 1),
                    envelope("identity.user-profile-changed.v1", user.toString()));
            recipients.emailVerified(user, address);
        });
        return address;
    }

    private UUID publish(String title, Instant publishedAt, long version) {
        UUID id = UUID.randomUUID();
        String slug = title.toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("(^-|-$)", "");
        inTx(() -> content.onPostPublished(
                new PostPublished(
                        id,
                        slug,
                        title,
                        "About " + title,
                        UUID.randomUUID(),
                        "Author",
                        null,
                        null,
                        null,
                        List.of(),
                        "beginner",
                        false,
                        3,
                        "# " + title,
                        "hash",
                        publishedAt,
                        version),
                envelope("content.post-published.v1", id.toString())));
        return id;
    }
}
