package io.lectern.notify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.content.CommentApproved;
import io.lectern.contracts.events.content.CommentCreated;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.notify.NotifyIntegrationTest;
import io.lectern.notify.TestSmtp;
import io.lectern.notify.messaging.ContentEvents;
import io.lectern.notify.messaging.IdentityEvents;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NotificationsTest extends NotifyIntegrationTest {

    @Autowired
    IdentityEvents identity;

    @Autowired
    ContentEvents content;

    @Autowired
    io.lectern.notify.recipient.Recipients recipients;

    @Test
    void aReplyEventReachesAnOpenStreamWithinASecondAndAReconnectWithLastEventIdGetsWhatItMissed() throws Exception {
        UUID parentAuthor = UUID.randomUUID();
        String address = uniqueAddress("replied-to");
        knownVerifiedUser(parentAuthor, address);

        try (SseClient stream = SseClient.open(this, parentAuthor, null)) {
            stream.awaitLine(l -> l.startsWith(":connected"), Duration.ofSeconds(5));
            UUID commentId = UUID.randomUUID();
            publishToBus(commentId.toString(), reply(commentId, parentAuthor, "Ada <script>"));

            await().atMost(Duration.ofSeconds(15)).until(() -> countNotifications(parentAuthor) == 1);
            long committedAt = System.nanoTime();
            String data = stream.awaitLine(l -> l.startsWith("data:"), Duration.ofSeconds(1));
            assertThat(Duration.ofNanos(System.nanoTime() - committedAt)).isLessThan(Duration.ofSeconds(1));
            assertThat(data).contains("comment-reply").contains("Ada <script> replied to your comment");
        }
        // The reply also went out by e-mail: the user is verified and did not opt out.
        await().atMost(Duration.ofSeconds(10)).until(() -> TestSmtp.to(address).size() == 1);
        assertThat(TestSmtp.content(TestSmtp.to(address).getFirst())).contains("Ada &lt;script&gt; replied");

        // While disconnected, two more arrive.
        for (int i = 0; i < 2; i++) {
            UUID other = UUID.randomUUID();
            inTx(() -> content.onCommentApproved(
                    new CommentApproved(
                            other, UUID.randomUUID(), "post-slug", "Post", parentAuthor, null, null, Instant.now()),
                    envelope("content.comment-approved.v1", other.toString())));
        }
        try (SseClient again = SseClient.open(this, parentAuthor, "1")) {
            String first = again.awaitLine(l -> l.startsWith("id:"), Duration.ofSeconds(5));
            String second = again.awaitLine(l -> l.startsWith("id:"), Duration.ofSeconds(5));
            assertThat(List.of(first, second)).containsExactly("id:2", "id:3");
        }
    }

    @Test
    void listingPagingReadAndDismissWorkOnlyOnTheCallersOwnNotifications() throws Exception {
        UUID user = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            UUID commentId = UUID.randomUUID();
            inTx(() -> content.onCommentCreated(
                    reply(commentId, user, "Reader"), envelope("content.comment-created.v1", commentId.toString())));
        }
        HttpResponse<String> page = get("/api/v1/notifications?size=2", user);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("\"total\":3")
                .contains("\"unreadCount\":3")
                .contains("\"size\":2");
        String newest = jdbc.sql("SELECT id::text FROM notification WHERE user_id = :u ORDER BY seq DESC LIMIT 1")
                .param("u", user)
                .query(String.class)
                .single();

        assertThat(post("/api/v1/notifications/" + newest + "/read", stranger).statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/notifications/" + newest + "/read", user).statusCode())
                .isEqualTo(204);
        assertThat(get("/api/v1/notifications", user).body()).contains("\"unreadCount\":2");
        assertThat(post("/api/v1/notifications/read-all", user).body()).contains("\"marked\":2");
        assertThat(get("/api/v1/notifications", user).body()).contains("\"unreadCount\":0");

        HttpResponse<String> strangerDelete = send(request("/api/v1/notifications/" + newest)
                .header("Authorization", bearer(stranger))
                .DELETE()
                .build());
        assertThat(strangerDelete.statusCode()).isEqualTo(404);
        assertThat(strangerDelete.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(send(request("/api/v1/notifications/" + newest)
                                .header("Authorization", bearer(user))
                                .DELETE()
                                .build())
                        .statusCode())
                .isEqualTo(204);
        assertThat(get("/api/v1/notifications", user).body()).contains("\"total\":2");

        HttpResponse<String> badSize = get("/api/v1/notifications?size=0", user);
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(badSize.body()).contains("\"status\":400");
        assertThat(get("/api/v1/notifications?page=abc", user).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/notifications/not-a-uuid/read", user).statusCode())
                .isEqualTo(400);
    }

    @Test
    void anUnknownEventTypeIsSkippedAndTheEventsAfterItAreStillHandled() {
        UUID user = UUID.randomUUID();
        publishRaw("identity.something-from-the-future.v9", user.toString(), "{\"whatever\":true}");
        publishRaw("learning.certificate-earned.v1", user.toString(), "{\"userId\":\"" + user + "\"}");
        publishToBus(
                user.toString(),
                new UserRegistered(user, uniqueAddress("after-unknown"), "Later", "en", "UTC", null, Instant.now()));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.sql("SELECT count(*) FROM recipient WHERE user_id = :u")
                                .param("u", user)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private void knownVerifiedUser(UUID userId, String address) {
        inTx(() -> {
            identity.onUserRegistered(
                    new UserRegistered(userId, address, "Parent", "en", "UTC", null, Instant.now()),
                    envelope("identity.user-registered.v1", userId.toString()));
            recipients.emailVerified(userId, address); // as EmailVerified does, minus the welcome mail
        });
    }

    private static CommentCreated reply(UUID commentId, UUID parentAuthor, String authorName) {
        return new CommentCreated(
                commentId,
                UUID.randomUUID(),
                "a-post",
                "A post",
                UUID.randomUUID(),
                authorName,
                UUID.randomUUID(),
                parentAuthor,
                "Nice point",
                true,
                Instant.now());
    }

    private long countNotifications(UUID user) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> get(String path, UUID user) throws Exception {
        return send(request(path).header("Authorization", bearer(user)).GET().build());
    }

    private HttpResponse<String> post(String path, UUID user) throws Exception {
        return send(request(path)
                .header("Authorization", bearer(user))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** A live SSE connection whose lines are collected as they arrive. */
    static final class SseClient implements AutoCloseable {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        private SseClient(CompletableFuture<HttpResponse<Stream<String>>> response) {
            this.response = response;
        }

        static SseClient open(NotificationsTest test, UUID user, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + test.port + "/api/v1/notifications/stream"))
                    .header("Authorization", bearer(user))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            CompletableFuture<HttpResponse<Stream<String>>> future =
                    HTTP.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
            SseClient client = new SseClient(future);
            Thread.ofVirtual().start(() -> {
                try {
                    future.get().body().forEach(client.lines::add);
                } catch (Exception e) {
                    // the test closed the stream
                }
            });
            return client;
        }

        String awaitLine(java.util.function.Predicate<String> match, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<String> skipped = new ArrayList<>();
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) {
                    throw new AssertionError("no matching line within " + timeout + "; saw " + skipped);
                }
                if (match.test(line)) {
                    return line;
                }
                skipped.add(line);
            }
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}
