package io.lectern.learning.messaging;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.content.CommentApproved;
import io.lectern.contracts.events.content.CommentCreated;
import io.lectern.contracts.events.identity.ReferralConverted;
import io.lectern.learning.xp.XpLedger;
import org.springframework.stereotype.Component;

/**
 * XP for what happens in other services. A comment earns {@code comment-approved} once it is visible:
 * created approved, or approved later; both are keyed by the comment id, so it counts once.
 */
@Component
public class RewardEvents {

    static final String COMMENT_APPROVED = "comment-approved";
    static final String REFERRAL_CONVERTED = "referral-converted";

    private final XpLedger ledger;

    RewardEvents(XpLedger ledger) {
        this.ledger = ledger;
    }

    public void onCommentCreated(CommentCreated event, EventEnvelope envelope) {
        if (event.approved()) {
            ledger.award(event.authorId(), COMMENT_APPROVED, event.commentId().toString(), event.createdAt());
        }
    }

    public void onCommentApproved(CommentApproved event, EventEnvelope envelope) {
        ledger.award(event.authorId(), COMMENT_APPROVED, event.commentId().toString(), event.approvedAt());
    }

    public void onReferralConverted(ReferralConverted event, EventEnvelope envelope) {
        ledger.award(
                event.referrerId(), REFERRAL_CONVERTED, event.referredUserId().toString(), event.convertedAt());
    }
}
