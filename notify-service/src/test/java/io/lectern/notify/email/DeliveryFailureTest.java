package io.lectern.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class DeliveryFailureTest {

    @Test
    void aRecipientRejectedWith5xxIsPermanent() throws Exception {
        var rejected = new SMTPAddressFailedException(
                new InternetAddress("gone@example.test"), "RCPT TO", 550, "5.1.1 mailbox unavailable");
        var wrapped =
                new MailSendException(Map.of(new Object(), new SendFailedException("Invalid Addresses", rejected)));
        DeliveryFailure failure = DeliveryFailure.classify(wrapped);
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).contains("550");
    }

    @Test
    void aGreylisting4xxIsTemporary() {
        var greylisted = new SMTPSendFailedException("DATA", 451, "4.7.1 try again later", null, null, null, null);
        assertThat(DeliveryFailure.classify(new MailSendException("send failed", greylisted))
                        .permanent())
                .isFalse();
    }

    @Test
    void aRefusedConnectionIsTemporary() {
        var refused = new MailSendException(
                "Mail server connection failed", new MessagingException("connect", new ConnectException("refused")));
        DeliveryFailure failure = DeliveryFailure.classify(refused);
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).contains("refused");
    }
}
