package io.lectern.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.identity.EmailVerificationRequested;
import io.lectern.notify.NotifyIntegrationTest;
import io.lectern.notify.TestSmtp;
import io.lectern.notify.config.NotifyProperties;
import io.lectern.notify.messaging.IdentityEvents;
import io.lectern.platform.crypto.Sealer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.ObjectMapper;

class EmailDeliveryTest extends NotifyIntegrationTest {

    @Autowired
    IdentityEvents identity;

    @Autowired
    EmailQueue queue;

    @Autowired
    EmailSender contextSender;

    @Autowired
    EmailRenderer renderer;

    @Autowired
    JavaMailSender mail;

    @Autowired
    ObjectMapper json;

    @Autowired
    Sealer sealer;

    @Test
    void verificationEmailCarriesTheUnsealedLinkWhileTheDatabaseOnlyEverHoldsTheSealedToken() throws Exception {
        String to = uniqueAddress("verify");
        String rawToken = "raw-" + UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        inTx(() -> identity.onEmailVerificationRequested(
                new EmailVerificationRequested(
                        userId,
                        to,
                        "<b>Mallory</b> & co",
                        "en",
                        sealer.seal("email-verification", rawToken),
                        Instant.parse("2030-01-01T00:00:00Z")),
                envelope("identity.email-verification-requested.v1", userId.toString())));

        await().atMost(Duration.ofSeconds(10)).until(() -> TestSmtp.to(to).size() == 1);
        MimeMessage message = TestSmtp.to(to).getFirst();
        String body = TestSmtp.content(message);
        String link = "https://lectern.test/verify-email?token=" + URLEncoder.encode(rawToken, StandardCharsets.UTF_8);
        assertThat(message.getSubject()).isEqualTo("Confirm your e-mail address for Lectern");
        assertThat(body).contains("--- text/plain").contains("--- text/html").contains(link);
        String html = body.substring(body.indexOf("--- text/html"));
        assertThat(html).contains("&lt;b&gt;Mallory&lt;/b&gt; &amp; co").doesNotContain("<b>Mallory</b>");
        assertThat(html).contains("href=\"" + link + "\"");

        // the message reaches the SMTP server before the sender marks its row sent
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(emailStatusTo(to)));
        String stored = jdbc.sql("SELECT model::text || message_id || status FROM email_outbox WHERE to_address = :to")
                .param("to", to)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(rawToken).endsWith("sent");
        String messageId = jdbc.sql("SELECT message_id FROM email_outbox WHERE to_address = :to")
                .param("to", to)
                .query(String.class)
                .single();
        assertThat(message.getMessageID()).isEqualTo(messageId);
    }

    private String emailStatusTo(String to) {
        return jdbc.sql("SELECT status FROM email_outbox WHERE to_address = :to")
                .param("to", to)
                .query(String.class)
                .single();
    }

    @Test
    void whileSmtpIsDownMessagesAreRetriedAndDeliveredExactlyOnceWhenItIsBack() {
        List<String> recipients = List.of(uniqueAddress("outage"), uniqueAddress("outage"), uniqueAddress("outage"));
        List<UUID> ids = new ArrayList<>();
        TestSmtp.stop();
        try {
            inTx(() -> recipients.forEach(to -> ids.add(queue.enqueue(welcome(to)))));
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> ids.stream().allMatch(id -> attempts(id) >= 2 && "queued".equals(emailStatus(id))));
            String error = jdbc.sql("SELECT last_error FROM email_outbox WHERE id = :id")
                    .param("id", ids.getFirst())
                    .query(String.class)
                    .single();
            assertThat(error).isNotBlank();
        } finally {
            TestSmtp.restart();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().allMatch(id -> "sent".equals(emailStatus(id))));
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(3))
                .until(() -> recipients.stream().allMatch(to -> TestSmtp.to(to).size() == 1));
    }

    @Test
    void anInvalidAddressFailsForGoodOnTheFirstAttemptWithTheReason() {
        UUID[] id = new UUID[1];
        inTx(() -> id[0] = queue.enqueue(welcome("not an address")));
        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(emailStatus(id[0])));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> attempts(id[0]) == 1);
        assertThat(lastError(id[0])).contains("invalid address");
    }

    @Test
    void aMessageThatKeepsFailingIsMovedAsideAfterMaxAttempts() throws Exception {
        contextSender.stop();
        EmailSender deadEnd = sender(deadServer(), 5, 1, Duration.ofSeconds(5), 2);
        try {
            UUID[] id = new UUID[1];
            inTx(() -> id[0] = queue.enqueue(welcome(uniqueAddress("give-up"))));
            deadEnd.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(emailStatus(id[0])));
            assertThat(attempts(id[0])).isEqualTo(2);
            assertThat(lastError(id[0])).startsWith("gave up after 2 attempts");
        } finally {
            deadEnd.stop();
            contextSender.start();
        }
    }

    @Test
    void aSenderKilledMidBatchLosesNothingAndARestartSendsNothingTwice() {
        contextSender.stop();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            recipients.add(uniqueAddress("crash"));
        }
        EmailSender first = sender(mail, 30, 2, Duration.ofSeconds(1), 5);
        EmailSender restarted = sender(mail, 30, 4, Duration.ofSeconds(1), 5);
        try {
            inTx(() -> recipients.forEach(to -> queue.enqueue(welcome(to))));
            first.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> delivered(recipients) >= 5);
            first.halt();
            long deliveredBeforeRestart = delivered(recipients);
            long stillClaimed = jdbc.sql("SELECT count(*) FROM email_outbox WHERE status = 'sending'")
                    .query(Long.class)
                    .single();
            assertThat(deliveredBeforeRestart).isLessThan(30);
            assertThat(stillClaimed)
                    .as("claimed by the killed sender, not yet sent")
                    .isPositive();

            restarted.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(recipients) == 30);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() ->
                            recipients.stream().allMatch(to -> TestSmtp.to(to).size() == 1));
        } finally {
            first.stop();
            restarted.stop();
            contextSender.start();
        }
    }

    @Test
    void threeSendersSharingTheQueueDeliverEveryMessageOnce() {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            recipients.add(uniqueAddress("compete"));
        }
        List<EmailSender> senders = List.of(
                sender(mail, 5, 2, Duration.ofSeconds(30), 5),
                sender(mail, 5, 2, Duration.ofSeconds(30), 5),
                sender(mail, 5, 2, Duration.ofSeconds(30), 5));
        try {
            inTx(() -> recipients.forEach(to -> queue.enqueue(welcome(to))));
            senders.forEach(EmailSender::start);
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(recipients) == 45);
            await().during(Duration.ofMillis(800))
                    .atMost(Duration.ofSeconds(3))
                    .until(() ->
                            recipients.stream().allMatch(to -> TestSmtp.to(to).size() == 1));
        } finally {
            senders.forEach(EmailSender::stop);
        }
    }

    private EmailSender sender(JavaMailSender via, int batch, int concurrency, Duration lease, int maxAttempts) {
        return new EmailSender(
                jdbc,
                via,
                renderer,
                json,
                new NotifyProperties.Sender(
                        true,
                        Duration.ofMillis(50),
                        batch,
                        concurrency,
                        lease,
                        maxAttempts,
                        Duration.ofMillis(50),
                        Duration.ofMillis(100)),
                "Lectern <no-reply@lectern.test>");
    }

    private static JavaMailSender deadServer() throws IOException {
        JavaMailSenderImpl dead = new JavaMailSenderImpl();
        dead.setHost("127.0.0.1");
        try (ServerSocket socket = new ServerSocket(0)) {
            dead.setPort(socket.getLocalPort()); // closed again before use: connections are refused
        }
        return dead;
    }

    private static long delivered(List<String> recipients) {
        return recipients.stream().filter(to -> !TestSmtp.to(to).isEmpty()).count();
    }

    private static Email welcome(String to) {
        return Email.of(null, to, "welcome", Map.of("displayName", "Reader"));
    }

    private int attempts(UUID id) {
        return jdbc.sql("SELECT attempts FROM email_outbox WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private String lastError(UUID id) {
        return jdbc.sql("SELECT last_error FROM email_outbox WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
