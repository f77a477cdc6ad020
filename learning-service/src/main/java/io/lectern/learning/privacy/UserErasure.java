package io.lectern.learning.privacy;

import io.lectern.learning.learner.Learners;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Runs every {@link UserDataEraser} for a deleted user, then leaves only the learner's tombstone. */
@Component
public class UserErasure {

    private final List<UserDataEraser> erasers;
    private final Learners learners;

    UserErasure(List<UserDataEraser> erasers, Learners learners) {
        this.erasers = erasers;
        this.learners = learners;
    }

    @Transactional
    public void erase(UUID userId) {
        learners.lock(userId);
        learners.tombstone(userId);
        for (UserDataEraser eraser : erasers) {
            eraser.erase(userId);
        }
    }
}
