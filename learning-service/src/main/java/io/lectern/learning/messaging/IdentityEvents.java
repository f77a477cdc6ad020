package io.lectern.learning.messaging;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.learning.learner.Learners;
import io.lectern.learning.privacy.UserErasure;
import org.springframework.stereotype.Component;

/** Keeps the learner read model in step with identity; a deleted user is erased from every feature. */
@Component
public class IdentityEvents {

    private final Learners learners;
    private final UserErasure erasure;

    IdentityEvents(Learners learners, UserErasure erasure) {
        this.learners = learners;
        this.erasure = erasure;
    }

    public void onUserRegistered(UserRegistered event, EventEnvelope envelope) {
        learners.onRegistered(event);
    }

    public void onUserProfileChanged(UserProfileChanged event, EventEnvelope envelope) {
        learners.onProfileChanged(event);
    }

    public void onUserDeleted(UserDeleted event, EventEnvelope envelope) {
        erasure.erase(event.userId());
    }
}
