package io.lectern.learning.config;

import io.lectern.contracts.events.content.CommentApproved;
import io.lectern.contracts.events.content.CommentCreated;
import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.PostUnpublished;
import io.lectern.contracts.events.content.PostUpdated;
import io.lectern.contracts.events.content.SeriesChanged;
import io.lectern.contracts.events.identity.ReferralConverted;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.eventbus.EventSubscriptions;
import io.lectern.learning.messaging.ContentEvents;
import io.lectern.learning.messaging.IdentityEvents;
import io.lectern.learning.messaging.RewardEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event learning-service consumes, in one place; handlers run in the bus's inbox transaction.
 * learning-srs and learning-quiz add their lines here (additively).
 */
@Configuration(proxyBeanMethods = false)
class LearningSubscriptions {

    @Bean
    EventSubscriptions learningEventSubscriptions(
            ContentEvents content, IdentityEvents identity, RewardEvents rewards) {
        return EventSubscriptions.builder()
                .on(PostPublished.class, content::onPostPublished)
                .on(PostUpdated.class, content::onPostUpdated)
                .on(PostUnpublished.class, content::onPostUnpublished)
                .on(PostDeleted.class, content::onPostDeleted)
                .on(SeriesChanged.class, content::onSeriesChanged)
                .on(CommentCreated.class, rewards::onCommentCreated)
                .on(CommentApproved.class, rewards::onCommentApproved)
                .on(UserRegistered.class, identity::onUserRegistered)
                .on(UserProfileChanged.class, identity::onUserProfileChanged)
                .on(UserDeleted.class, identity::onUserDeleted)
                .on(ReferralConverted.class, rewards::onReferralConverted)
                .build();
    }
}
