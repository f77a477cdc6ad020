package io.lectern.notify.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.identity.EmailVerified;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.contracts.events.learning.CertificateIssued;
import io.lectern.contracts.events.learning.CertificateRevoked;
import io.lectern.notify.NotifyIntegrationTest;
import io.lectern.notify.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** learning's certificate events arriving through the real bus. */
class CertificateEventsTest extends NotifyIntegrationTest {

    @Test
    void anIssuedCertificateEmailsTheLearnerItsVerifyLinkAndARevocationLeavesANote() throws Exception {
        UUID user = UUID.randomUUID();
        UUID certificate = UUID.randomUUID();
        String address = uniqueAddress("certified");
        publishToBus(user.toString(), new UserRegistered(user, address, "Ada", "en", "UTC", null, Instant.now()));
        publishToBus(user.toString(), new EmailVerified(user, address, "Ada", "en", Instant.now()));
        await().atMost(Duration.ofSeconds(15)).until(() -> TestSmtp.to(address).size() == 1);
        String verifyUrl = "https://lectern.test/api/v1/certificates/verify/" + certificate;

        publishToBus(
                user.toString(),
                new CertificateIssued(
                        certificate,
                        user,
                        UUID.randomUUID(),
                        "Postgres internals",
                        "COMPLETED",
                        verifyUrl,
                        Instant.now()));

        await().atMost(Duration.ofSeconds(15)).until(() -> TestSmtp.to(address).size() == 2);
        var mail = TestSmtp.to(address).get(1);
        assertThat(mail.getSubject()).isEqualTo("Your Lectern certificate for Postgres internals is ready");
        assertThat(TestSmtp.content(mail)).contains(verifyUrl).contains("Completed");
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications(user, "certificate-issued") == 1);

        publishToBus(
                user.toString(),
                new CertificateRevoked(
                        certificate, user, UUID.randomUUID(), "COMPLETED", "Shared answers", Instant.now()));
        await().atMost(Duration.ofSeconds(15)).until(() -> notifications(user, "certificate-revoked") == 1);
        assertThat(TestSmtp.to(address)).hasSize(2);
    }

    private long notifications(UUID user, String kind) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :u AND kind = :k")
                .param("u", user)
                .param("k", kind)
                .query(Long.class)
                .single();
    }
}
