package io.lectern.notify.config;

import io.lectern.contracts.events.billing.SubscriptionActivated;
import io.lectern.contracts.events.billing.SubscriptionCancelled;
import io.lectern.contracts.events.billing.SubscriptionChanged;
import io.lectern.contracts.events.content.CommentApproved;
import io.lectern.contracts.events.content.CommentCreated;
import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.PostUnpublished;
import io.lectern.contracts.events.content.PostUpdated;
import io.lectern.contracts.events.identity.EmailChanged;
import io.lectern.contracts.events.identity.EmailVerificationRequested;
import io.lectern.contracts.events.identity.EmailVerified;
import io.lectern.contracts.events.identity.PasswordResetRequested;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.contracts.events.learning.BadgeEarned;
import io.lectern.contracts.events.learning.CardsDue;
import io.lectern.contracts.events.learning.CertificateIssued;
import io.lectern.contracts.events.learning.CertificateRevoked;
import io.lectern.contracts.events.learning.LevelReached;
import io.lectern.contracts.events.learning.SeriesCompleted;
import io.lectern.eventbus.EventSubscriptions;
import io.lectern.notify.messaging.BillingEvents;
import io.lectern.notify.messaging.CertificateEvents;
import io.lectern.notify.messaging.ContentEvents;
import io.lectern.notify.messaging.IdentityEvents;
import io.lectern.notify.messaging.LearningEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event notify-service consumes, in one place. Types not listed here (including ones other
 * services add later) are acknowledged and ignored by the bus.
 */
@Configuration(proxyBeanMethods = false)
class NotifySubscriptions {

    @Bean
    EventSubscriptions eventSubscriptions(
            IdentityEvents identity,
            ContentEvents content,
            BillingEvents billing,
            LearningEvents learning,
            CertificateEvents certificates) {
        return EventSubscriptions.builder()
                .on(UserRegistered.class, identity::onUserRegistered)
                .on(UserProfileChanged.class, identity::onUserProfileChanged)
                .on(EmailVerificationRequested.class, identity::onEmailVerificationRequested)
                .on(PasswordResetRequested.class, identity::onPasswordResetRequested)
                .on(EmailVerified.class, identity::onEmailVerified)
                .on(EmailChanged.class, identity::onEmailChanged)
                .on(UserDeleted.class, identity::onUserDeleted)
                .on(PostPublished.class, content::onPostPublished)
                .on(PostUpdated.class, content::onPostUpdated)
                .on(PostUnpublished.class, content::onPostUnpublished)
                .on(PostDeleted.class, content::onPostDeleted)
                .on(CommentCreated.class, content::onCommentCreated)
                .on(CommentApproved.class, content::onCommentApproved)
                .on(SubscriptionActivated.class, billing::onSubscriptionActivated)
                .on(SubscriptionChanged.class, billing::onSubscriptionChanged)
                .on(SubscriptionCancelled.class, billing::onSubscriptionCancelled)
                .on(LevelReached.class, learning::onLevelReached)
                .on(BadgeEarned.class, learning::onBadgeEarned)
                .on(SeriesCompleted.class, learning::onSeriesCompleted)
                .on(CardsDue.class, learning::onCardsDue)
                .on(CertificateIssued.class, certificates::onCertificateIssued)
                .on(CertificateRevoked.class, certificates::onCertificateRevoked)
                .build();
    }
}
