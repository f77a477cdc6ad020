package io.lectern.notify.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.notify.NotifyIntegrationTest;
import io.lectern.notify.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NewsletterTest extends NotifyIntegrationTest {

    private static final Pattern CONFIRM =
            Pattern.compile("https://lectern\\.test/newsletter/confirm\\?token=([A-Za-z0-9_%-]+)");
    private static final UUID ADMIN = UUID.randomUUID();

    @Test
    void onlyConfirmedAddressesReceiveIssuesAndOneClickUnsubscribeWorksOnlyForItsOwnAddress() throws Exception {
        String confirmed = uniqueAddress("nl-yes");
        String pending = uniqueAddress("nl-pending");
        String second = uniqueAddress("nl-second");

        assertThat(subscribe(confirmed, null).statusCode()).isEqualTo(202);
        assertThat(subscribe(pending, null).statusCode()).isEqualTo(202);
        assertThat(subscribe(second, UUID.randomUUID()).statusCode()).isEqualTo(202);
        String token = confirmationToken(confirmed);
        confirmationToken(pending); // received, never clicked
        String secondToken = confirmationToken(second);

        assertThat(jdbc.sql("SELECT count(*) FROM newsletter_subscriber WHERE confirm_token_hash = :raw")
                        .param("raw", token.getBytes(StandardCharsets.UTF_8))
                        .query(Long.class)
                        .single())
                .as("the raw token is not what is stored")
                .isZero();
        assertThat(send(request("/api/v1/newsletter/confirm?token=" + token)
                                .GET()
                                .build())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> reused = send(request("/api/v1/newsletter/confirm?token=" + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(reused.statusCode()).as("single use").isEqualTo(400);
        assertThat(send(request("/api/v1/newsletter/confirm?token=" + secondToken)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(request("/api/v1/newsletter/confirm?token=forged").GET().build())
                        .statusCode())
                .isEqualTo(400);

        UUID issue = createIssue(
                "{\"subject\":\"Issue <1>\",\"markdown\":\"# Hello\\n\\nNews with <script>alert(1)</script> **bold**\"}");
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        issueMails(confirmed).size() == 1 && issueMails(second).size() == 1);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> issueMails(pending).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> issueStatus(issue).contains("\"sent\":2"));
        assertThat(issueStatus(issue)).contains(confirmed).contains(second).doesNotContain(pending);

        MimeMessage mail = issueMails(confirmed).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Issue <1>");
        String body = TestSmtp.content(mail);
        assertThat(body).contains("<strong>bold</strong>").doesNotContain("<script>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String oneClick = mail.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        assertThat(oneClick).startsWith("https://lectern.test/api/v1/newsletter/unsubscribe?s=");
        String query = oneClick.substring(oneClick.indexOf('?'));
        String secondQuery = headerQuery(issueMails(second).getFirst());

        // Tampered: another subscriber's signature on this id, a flipped character, a missing signature.
        String id = param(query, "s");
        String sig = param(query, "sig");
        assertThat(unsubscribe("?s=" + id + "&sig=" + param(secondQuery, "sig")).statusCode())
                .isEqualTo(400);
        String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
        assertThat(unsubscribe("?s=" + id + "&sig=" + flipped).statusCode()).isEqualTo(400);
        assertThat(unsubscribe("?s=" + id).statusCode()).isEqualTo(400);
        assertThat(status(confirmed)).isEqualTo("confirmed");

        // The real one-click POST, no sign-in, as a mail client sends it (RFC 8058).
        HttpResponse<String> oneClickPost = send(request("/api/v1/newsletter/unsubscribe" + query)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build());
        assertThat(oneClickPost.statusCode()).isEqualTo(200);
        assertThat(status(confirmed)).isEqualTo("unsubscribed");
        assertThat(status(second)).as("only its own address").isEqualTo("confirmed");

        UUID next = createIssue("{\"subject\":\"Issue 2\",\"html\":\"<p>Second</p>\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> issueMails(second).size() == 2);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> issueMails(confirmed).size() == 1);
        assertThat(issueStatus(next)).doesNotContain(confirmed);
    }

    @Test
    void subscribingAnswersTheSameForKnownAndUnknownAddressesAndRejectsBadInputAsProblems() throws Exception {
        String address = uniqueAddress("nl-same");
        HttpResponse<String> first = subscribe(address, null);
        confirmationToken(address);
        String token = confirmationToken(address);
        send(request("/api/v1/newsletter/confirm?token=" + token).GET().build());
        HttpResponse<String> again = subscribe(address, null);
        assertThat(again.statusCode()).isEqualTo(first.statusCode());
        assertThat(again.body()).isEqualTo(first.body());

        HttpResponse<String> bad = send(request("/api/v1/newsletter/subscribe")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"not-an-address\"}"))
                .build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(jdbc.sql("SELECT count(*) FROM newsletter_subscriber WHERE email = 'not-an-address'")
                        .query(Long.class)
                        .single())
                .isZero();

        HttpResponse<String> notAdmin = send(request("/api/v1/newsletter/issues")
                .header("Authorization", bearer(UUID.randomUUID()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"x\",\"html\":\"<p>x</p>\"}"))
                .build());
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        HttpResponse<String> twoBodies = send(request("/api/v1/newsletter/issues")
                .header("Authorization", bearer(ADMIN, "admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"subject\":\"x\",\"html\":\"<p>x</p>\",\"markdown\":\"x\"}"))
                .build());
        assertThat(twoBodies.statusCode()).isEqualTo(422);
        HttpResponse<String> unknownPost = send(request("/api/v1/newsletter/issues")
                .header("Authorization", bearer(ADMIN, "admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"postId\":\"" + UUID.randomUUID() + "\"}"))
                .build());
        assertThat(unknownPost.statusCode()).isEqualTo(422);
    }

    private HttpResponse<String> subscribe(String email, UUID signedIn) throws Exception {
        HttpRequest.Builder r = request("/api/v1/newsletter/subscribe")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"));
        if (signedIn != null) {
            r.header("Authorization", bearer(signedIn));
        }
        return send(r.build());
    }

    /** Waits for the newest confirmation mail to {@code address} and returns its token. */
    private String confirmationToken(String address) {
        long before = confirmations(address).size();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> confirmations(address).size() >= Math.max(before, 1));
        List<MimeMessage> mails = confirmations(address);
        Matcher m = CONFIRM.matcher(TestSmtp.content(mails.getLast()));
        assertThat(m.find()).isTrue();
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private static List<MimeMessage> confirmations(String address) {
        return TestSmtp.to(address).stream()
                .filter(m -> subject(m).startsWith("Confirm your subscription"))
                .toList();
    }

    private static List<MimeMessage> issueMails(String address) {
        return TestSmtp.to(address).stream()
                .filter(m -> subject(m).startsWith("Issue"))
                .toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID createIssue(String json) throws Exception {
        HttpResponse<String> created = send(request("/api/v1/newsletter/issues")
                .header("Authorization", bearer(ADMIN, "admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
        assertThat(m.find()).isTrue();
        return UUID.fromString(m.group(1));
    }

    private String issueStatus(UUID issue) throws Exception {
        HttpResponse<String> r = send(request("/api/v1/newsletter/issues/" + issue)
                .header("Authorization", bearer(ADMIN, "admin"))
                .GET()
                .build());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> unsubscribe(String query) throws Exception {
        return send(request("/api/v1/newsletter/unsubscribe" + query)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private String status(String email) {
        return jdbc.sql("SELECT status FROM newsletter_subscriber WHERE email = :e")
                .param("e", email)
                .query(String.class)
                .single();
    }

    private static String headerQuery(MimeMessage m) throws jakarta.mail.MessagingException {
        String url = m.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        return url.substring(url.indexOf('?'));
    }

    private static String param(String query, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(query);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
