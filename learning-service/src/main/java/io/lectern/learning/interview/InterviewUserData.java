package io.lectern.learning.interview;

import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A user's mock interviews (answers and feedback) in the learning export; erased with the user. */
@Component
class InterviewUserData implements UserDataEraser, UserDataExporter {

    private final InterviewStore store;
    private final Interviews interviews;

    InterviewUserData(InterviewStore store, Interviews interviews) {
        this.store = store;
        this.interviews = interviews;
    }

    @Override
    public void erase(UUID userId) {
        store.erase(userId);
    }

    @Override
    public String section() {
        return "interviews";
    }

    @Override
    public Object export(UUID userId) {
        return store.forUser(userId).stream()
                .map(s -> interviews.get(userId, s.id()))
                .toList();
    }
}
