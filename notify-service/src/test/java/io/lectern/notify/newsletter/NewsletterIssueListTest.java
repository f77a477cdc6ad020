package io.lectern.notify.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lectern.notify.NotifyIntegrationTest;
import io.lectern.platform.web.ProblemException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The list of past newsletter issues: counts, order, keyset pages, who may see it, and bad input. */
class NewsletterIssueListTest extends NotifyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ADMIN = UUID.randomUUID();

    @Autowired
    NewsletterIssues issues;

    /**
     * Runs against fixture rows written in a transaction that is rolled back afterwards: nothing else
     * (the batcher, the sender, other tests) sees them, so every count is exact. The fixtures lie in
     * the future, so they are the newest issues and open the list.
     */
    @Test
    void issuesComeNewestFirstWithTheirDeliveryCountsAKeysetPageAtATime() {
        tx.executeWithoutResult(status -> {
            Instant base = Instant.now().plus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
            UUID oldest = issue("Oldest", base);
            UUID tieLow = issue("Tie low", base.plusSeconds(60), new UUID(0, 1));
            UUID tieHigh = issue("Tie high", base.plusSeconds(60), new UUID(0, 2));
            UUID newest = issue("Newest", base.plusSeconds(120));

            // oldest: every delivery over: 2 sent (one whose e-mail row was purged), 1 failed, 1 skipped
            delivery(oldest, "queued", email("sent"));
            delivery(oldest, "queued", UUID.randomUUID());
            delivery(oldest, "queued", email("failed"));
            delivery(oldest, "skipped", null);
            // newest: still going: 1 waiting for the batcher, 1 queued, 1 being sent, 1 sent
            delivery(newest, "pending", null);
            delivery(newest, "queued", email("queued"));
            delivery(newest, "queued", email("sending"));
            delivery(newest, "queued", email("sent"));

            IssuePage first = issues.list(null, 2);
            assertThat(first.items()).extracting(IssueSummary::id).containsExactly(newest, tieHigh);
            IssueSummary going = first.items().getFirst();
            assertThat(going.subject()).isEqualTo("Newest");
            assertThat(going.sentAt()).isEqualTo(base.plusSeconds(120));
            assertThat(going.status()).isEqualTo("sending");
            assertThat(List.of(
                            going.recipients(),
                            going.pending(),
                            going.queued(),
                            going.sent(),
                            going.failed(),
                            going.skipped()))
                    .containsExactly(4L, 1L, 2L, 1L, 0L, 0L);
            IssueSummary empty = first.items().get(1);
            assertThat(empty.status())
                    .as("nobody to send to: nothing left to do")
                    .isEqualTo("sent");
            assertThat(empty.recipients()).isZero();
            assertThat(first.nextCursor()).isNotNull();

            IssuePage second = issues.list(IssueCursor.decode(first.nextCursor()), 2);
            assertThat(second.items()).extracting(IssueSummary::id).containsExactly(tieLow, oldest);
            IssueSummary done = second.items().get(1);
            assertThat(done.status()).isEqualTo("sent");
            assertThat(List.of(
                            done.recipients(),
                            done.pending(),
                            done.queued(),
                            done.sent(),
                            done.failed(),
                            done.skipped()))
                    .containsExactly(4L, 0L, 0L, 2L, 1L, 1L);

            IssuePage fromOldest = issues.list(new IssueCursor(base, oldest), 100);
            assertThat(fromOldest.items()).extracting(IssueSummary::id).doesNotContain(oldest, tieLow, tieHigh, newest);
            status.setRollbackOnly();
        });
    }

    @Test
    void aSentIssueIsListedThroughTheApiAndEveryPageFollowsFromTheLast() throws Exception {
        String subscriber = uniqueAddress("nl-list");
        subscribeConfirmed(subscriber);
        String id;
        try {
            String subject = "Listed " + UUID.randomUUID();
            HttpResponse<String> created = send(request("/api/v1/newsletter/issues")
                    .header("Authorization", bearer(ADMIN, "admin"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"subject\":\"" + subject + "\",\"markdown\":\"Hello list\"}"))
                    .build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            id = JSON.readTree(created.body()).get("id").asString();

            String issueId = id;
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonNode mine = find(list("?limit=100", bearer(UUID.randomUUID(), "author")), issueId);
                assertThat(mine).as("the new issue is on the first page").isNotNull();
                assertThat(mine.get("subject").asString()).isEqualTo(subject);
                assertThat(mine.get("status").asString()).isEqualTo("sent");
                assertThat(mine.get("recipients").asLong()).isPositive();
                assertThat(mine.get("sent").asLong())
                        .isEqualTo(mine.get("recipients").asLong());
                assertThat(mine.get("failed").asLong()).isZero();
                assertThat(Instant.parse(mine.get("sentAt").asString())).isBefore(Instant.now());
            });
        } finally {
            // other tests count an issue's recipients: this subscriber must not receive theirs
            jdbc.sql("UPDATE newsletter_subscriber SET status = 'unsubscribed' WHERE email = :email")
                    .param("email", subscriber)
                    .update();
        }

        // Walking all pages two at a time gives every issue once, newest first, and ends with no cursor.
        List<String> walked = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list(
                    "?limit=2" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    bearer(ADMIN, "admin"));
            assertThat(page.get("items").size()).isBetween(1, 2);
            for (JsonNode item : page.get("items")) {
                walked.add(item.get("id").asString());
                times.add(Instant.parse(item.get("sentAt").asString()));
            }
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null && pages < 1_000);
        long total = jdbc.sql("SELECT count(*) FROM newsletter_issue")
                .query(Long.class)
                .single();
        Set<String> distinct = new HashSet<>(walked);
        assertThat(distinct).hasSize(walked.size()).contains(id);
        assertThat((long) walked.size()).isEqualTo(total);
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void theListIsForStaffWhoWriteAndRefusesOthersWithProblems() throws Exception {
        HttpResponse<String> anonymous = get("/api/v1/newsletter/issues", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertProblem(anonymous);

        HttpResponse<String> reader = get("/api/v1/newsletter/issues", bearer(UUID.randomUUID(), "reader"));
        assertThat(reader.statusCode()).isEqualTo(403);
        assertProblem(reader);

        for (String role : List.of("author", "editor", "admin")) {
            HttpResponse<String> staff = get("/api/v1/newsletter/issues", bearer(UUID.randomUUID(), "reader", role));
            assertThat(staff.statusCode()).as(role).isEqualTo(200);
            assertThat(staff.body()).as(role).contains("\"items\"").doesNotContain("@");
        }
        // an issue's own status names its subscribers: still for admins only
        HttpResponse<String> detail =
                get("/api/v1/newsletter/issues/" + UUID.randomUUID(), bearer(UUID.randomUUID(), "author"));
        assertThat(detail.statusCode()).isEqualTo(403);
    }

    @Test
    void aBadLimitOrCursorIsAProblemNamingTheField() throws Exception {
        String admin = bearer(ADMIN, "admin");
        for (String limit : List.of("0", "101", "-1")) {
            HttpResponse<String> r = get("/api/v1/newsletter/issues?limit=" + limit, admin);
            assertThat(r.statusCode()).as("limit=" + limit).isEqualTo(400);
            assertProblem(r);
            assertThat(JSON.readTree(r.body()).get("field").asString()).isEqualTo("limit");
        }
        HttpResponse<String> notANumber = get("/api/v1/newsletter/issues?limit=ten", admin);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertProblem(notANumber);
        assertThat(notANumber.body()).contains("limit");

        String notOurs = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("yesterday|someone".getBytes(StandardCharsets.UTF_8));
        String longAgo = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((Long.MIN_VALUE + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("%25%25%25", "bm90LWEtY3Vyc29y", notOurs, longAgo)) {
            HttpResponse<String> r = get("/api/v1/newsletter/issues?cursor=" + cursor, admin);
            assertThat(r.statusCode()).as("cursor=" + cursor).isEqualTo(400);
            assertProblem(r);
            assertThat(JSON.readTree(r.body()).get("field").asString()).isEqualTo("cursor");
        }
    }

    @Test
    void aCursorRoundTripsItsPositionToTheMicrosecond() {
        Instant at = Instant.parse("1969-12-31T23:59:59.999999Z");
        UUID id = UUID.randomUUID();
        IssueCursor back = IssueCursor.decode(new IssueCursor(at, id).encode());
        assertThat(back).isEqualTo(new IssueCursor(at, id));
        assertThat(IssueCursor.decode(new IssueCursor(Instant.parse("2026-05-01T10:00:00.123456Z"), id).encode())
                        .at())
                .isEqualTo(Instant.parse("2026-05-01T10:00:00.123456Z"));
        assertThatThrownBy(() -> IssueCursor.decode("AAAA")).isInstanceOf(ProblemException.class);
    }

    private UUID issue(String subject, Instant at) {
        return issue(subject, at, UUID.randomUUID());
    }

    private UUID issue(String subject, Instant at, UUID id) {
        jdbc.sql("""
                        INSERT INTO newsletter_issue (id, subject, body_html, body_text, created_by, created_at)
                        VALUES (:id, :subject, '<p>x</p>', 'x', :by, :at)
                        """)
                .param("id", id)
                .param("subject", subject)
                .param("by", ADMIN)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    /** An e-mail row in {@code status} that the sender leaves alone (due in a day, leased for a day). */
    private UUID email(String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO email_outbox (id, message_id, to_address, template, model, status,
                                                  next_attempt_at, lease_until)
                        VALUES (:id, :mid, 'fixture@example.test', 'newsletter-issue', '{}'::jsonb, :status,
                                now() + interval '1 day', CASE WHEN :status = 'sending' THEN now() + interval '1 day' END)
                        """)
                .param("id", id)
                .param("mid", "<" + id + "@fixture>")
                .param("status", status)
                .update();
        return id;
    }

    private void delivery(UUID issue, String status, UUID emailId) {
        jdbc.sql("""
                        INSERT INTO newsletter_delivery (issue_id, subscriber_id, status, email_id)
                        VALUES (:issue, :sub, :status, :email)
                        """)
                .param("issue", issue)
                .param("sub", UUID.randomUUID())
                .param("status", status)
                .param("email", emailId)
                .update();
    }

    private void subscribeConfirmed(String email) {
        jdbc.sql("""
                        INSERT INTO newsletter_subscriber (id, email, status, confirmed_at)
                        VALUES (:id, :email, 'confirmed', now())
                        """).param("id", UUID.randomUUID()).param("email", email).update();
    }

    private JsonNode list(String query, String token) throws Exception {
        HttpResponse<String> r = get("/api/v1/newsletter/issues" + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode find(JsonNode page, String id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        return null;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder r = request(path).GET();
        if (token != null) {
            r.header("Authorization", token);
        }
        return send(r.build());
    }

    private static void assertProblem(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("type")).isNotNull();
        assertThat(body.get("status").asInt()).isEqualTo(r.statusCode());
    }
}
