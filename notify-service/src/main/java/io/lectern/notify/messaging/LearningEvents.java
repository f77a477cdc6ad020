package io.lectern.notify.messaging;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.learning.CardsDue;
import io.lectern.notify.review.ReviewCards;
import org.springframework.stereotype.Component;

/** learning-service's events that end in an e-mail: the daily cards due for review from the inbox. */
@Component
public class LearningEvents {

    private final ReviewCards reviewCards;

    LearningEvents(ReviewCards reviewCards) {
        this.reviewCards = reviewCards;
    }

    public void onCardsDue(CardsDue event, EventEnvelope envelope) {
        reviewCards.received(event);
    }
}
