package io.lectern.ai.reader;

import io.lectern.ai.ask.AskerData;
import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.contracts.events.learning.PostRead;
import org.springframework.stereotype.Component;

/**
 * What ai-service learns about readers from other services (subscribed in {@code config.AiSubscriptions}):
 * learning's post-read events feed the read history Ask-AI and recommendations use; a deleted account
 * takes its history and its questions with it.
 */
@Component
public class ReaderEvents {

    private final ReadHistory history;
    private final AskerData askers;

    ReaderEvents(ReadHistory history, AskerData askers) {
        this.history = history;
        this.askers = askers;
    }

    public void onPostRead(PostRead e, EventEnvelope envelope) {
        history.recordRead(e.userId(), e.postId(), e.readAt());
    }

    public void onUserDeleted(UserDeleted e, EventEnvelope envelope) {
        history.forget(e.userId());
        askers.forget(e.userId());
    }
}
