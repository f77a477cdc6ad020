package io.lectern.notify.messaging;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.learning.CertificateIssued;
import io.lectern.contracts.events.learning.CertificateRevoked;
import io.lectern.notify.email.Email;
import io.lectern.notify.email.EmailQueue;
import io.lectern.notify.notification.NewNotification;
import io.lectern.notify.notification.Notifications;
import io.lectern.notify.recipient.Recipients;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * learning's certificate events: "your certificate is ready" (in-app and e-mail, with the public verify
 * link) and an in-app note when one is revoked. The e-mail is transactional: the learner claimed it.
 */
@Component
public class CertificateEvents {

    private static final Logger log = LoggerFactory.getLogger(CertificateEvents.class);

    private final Notifications notifications;
    private final Recipients recipients;
    private final EmailQueue emails;

    CertificateEvents(Notifications notifications, Recipients recipients, EmailQueue emails) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.emails = emails;
    }

    public void onCertificateIssued(CertificateIssued e, EventEnvelope envelope) {
        String level = label(e.level());
        notifications.create(new NewNotification(
                e.userId(),
                "certificate-issued",
                "Your certificate is ready",
                "\"" + e.seriesTitle() + "\" — " + level + ". Anyone can check it at " + e.verifyUrl() + ".",
                emails.link("/certificates"),
                false));
        recipients
                .find(e.userId())
                .ifPresentOrElse(
                        r -> emails.enqueue(Email.of(
                                e.userId(),
                                r.email(),
                                "certificate-issued",
                                Map.of(
                                        "displayName", r.displayName(),
                                        "seriesTitle", e.seriesTitle(),
                                        "level", level,
                                        "verifyUrl", e.verifyUrl(),
                                        "certificateId", e.certificateId().toString()))),
                        () -> log.warn("no address known for user {}: certificate e-mail not sent", e.userId()));
    }

    public void onCertificateRevoked(CertificateRevoked e, EventEnvelope envelope) {
        notifications.create(new NewNotification(
                e.userId(),
                "certificate-revoked",
                "A certificate was revoked",
                "Your " + label(e.level()) + " certificate was revoked: " + e.reason(),
                emails.link("/certificates"),
                false));
    }

    private static String label(String level) {
        return "RETAINED".equals(level) ? "Retained" : "Completed";
    }
}
