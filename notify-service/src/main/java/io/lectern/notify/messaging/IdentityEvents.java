package io.lectern.notify.messaging;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.identity.EmailChanged;
import io.lectern.contracts.events.identity.EmailVerificationRequested;
import io.lectern.contracts.events.identity.EmailVerified;
import io.lectern.contracts.events.identity.PasswordResetRequested;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.notify.email.Email;
import io.lectern.notify.email.EmailQueue;
import io.lectern.notify.newsletter.Newsletter;
import io.lectern.notify.notification.Notifications;
import io.lectern.notify.recipient.Recipient;
import io.lectern.notify.recipient.Recipients;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * identity's events. Each handler runs in the bus's transaction with the inbox record, so the e-mail
 * it queues commits exactly when the event counts as handled. Link tokens are queued still sealed.
 */
@Component
public class IdentityEvents {

    private static final Logger log = LoggerFactory.getLogger(IdentityEvents.class);

    private final Recipients recipients;
    private final EmailQueue emails;
    private final Notifications notifications;
    private final Newsletter newsletter;
    private final JdbcClient jdbc;

    IdentityEvents(
            Recipients recipients,
            EmailQueue emails,
            Notifications notifications,
            Newsletter newsletter,
            JdbcClient jdbc) {
        this.recipients = recipients;
        this.emails = emails;
        this.notifications = notifications;
        this.newsletter = newsletter;
        this.jdbc = jdbc;
    }

    public void onUserRegistered(UserRegistered e, EventEnvelope envelope) {
        recipients.registered(e.userId(), e.email(), e.displayName(), e.locale(), e.timeZone());
    }

    public void onUserProfileChanged(UserProfileChanged e, EventEnvelope envelope) {
        if (!recipients.profileChanged(
                e.userId(),
                e.displayName(),
                e.locale(),
                e.timeZone(),
                e.digestOptIn(),
                e.notificationEmailsOptIn(),
                e.version())) {
            log.debug("profile change v{} of {} not applied (unknown user or not newer)", e.version(), e.userId());
        }
    }

    public void onEmailVerificationRequested(EmailVerificationRequested e, EventEnvelope envelope) {
        emails.enqueue(Email.of(
                e.userId(),
                e.email(),
                "verify-email",
                Map.of(
                        "displayName", e.displayName(),
                        "sealedToken", e.sealedToken(),
                        "tokenPurpose", "email-verification",
                        "tokenPath", "/verify-email",
                        "expiresAt", e.expiresAt().toString())));
    }

    public void onPasswordResetRequested(PasswordResetRequested e, EventEnvelope envelope) {
        emails.enqueue(Email.of(
                e.userId(),
                e.email(),
                "password-reset",
                Map.of(
                        "displayName", e.displayName(),
                        "sealedToken", e.sealedToken(),
                        "tokenPurpose", "password-reset",
                        "tokenPath", "/reset-password",
                        "expiresAt", e.expiresAt().toString())));
    }

    public void onEmailVerified(EmailVerified e, EventEnvelope envelope) {
        recipients.emailVerified(e.userId(), e.email());
        emails.enqueue(Email.of(e.userId(), e.email(), "welcome", Map.of("displayName", e.displayName())));
    }

    /** The notice goes to the old address: that is where the owner is, if the change was not theirs. */
    public void onEmailChanged(EmailChanged e, EventEnvelope envelope) {
        recipients.emailChanged(e.userId(), e.newEmail());
        emails.enqueue(Email.of(
                e.userId(),
                e.oldEmail(),
                "email-changed",
                Map.of(
                        "displayName", e.displayName(),
                        "newEmail", e.newEmail(),
                        "changedAt", e.changedAt().toString())));
    }

    public void onUserDeleted(UserDeleted e, EventEnvelope envelope) {
        Optional<String> email = recipients.find(e.userId()).map(Recipient::email);
        notifications.deleteAllOf(e.userId());
        emails.discardPendingFor(e.userId());
        newsletter.forget(e.userId(), email.orElse(null));
        jdbc.sql("DELETE FROM digest_sent WHERE user_id = :user")
                .param("user", e.userId())
                .update();
        jdbc.sql("DELETE FROM review_cards_due WHERE user_id = :user")
                .param("user", e.userId())
                .update();
        recipients.delete(e.userId());
    }
}
