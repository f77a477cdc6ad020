package io.lectern.notify.messaging;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.learning.BadgeEarned;
import io.lectern.contracts.events.learning.LevelReached;
import io.lectern.contracts.events.learning.SeriesCompleted;
import io.lectern.notify.email.EmailQueue;
import io.lectern.notify.notification.NewNotification;
import io.lectern.notify.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * learning's milestones as in-app notifications. Finishing a series is the one readers expect to hear
 * about by e-mail too (sent only when their notification-e-mail preference allows it); levels and
 * badges stay in the app. The inbox makes each event notify once.
 */
@Component
public class LearningEvents {

    private final Notifications notifications;
    private final EmailQueue emails;

    LearningEvents(Notifications notifications, EmailQueue emails) {
        this.notifications = notifications;
        this.emails = emails;
    }

    public void onLevelReached(LevelReached e, EventEnvelope envelope) {
        notifications.create(new NewNotification(
                e.userId(),
                "level-reached",
                "You reached level " + e.level(),
                "You have " + e.total() + " XP. Level " + (e.level() + 1) + " starts at " + e.nextLevelAt() + " XP.",
                emails.link("/me/progress"),
                false));
    }

    public void onBadgeEarned(BadgeEarned e, EventEnvelope envelope) {
        String name = e.times() > 1 ? e.name() + " ×" + e.times() : e.name();
        notifications.create(new NewNotification(
                e.userId(),
                "badge-earned",
                "New badge: " + name,
                "You earned the " + e.tier().toLowerCase(java.util.Locale.ROOT) + " badge \"" + name + "\".",
                emails.link("/me/badges"),
                false));
    }

    public void onSeriesCompleted(SeriesCompleted e, EventEnvelope envelope) {
        notifications.create(new NewNotification(
                e.userId(),
                "series-completed",
                "You completed \"" + e.seriesTitle() + "\"",
                "You have read all " + e.postCount() + " posts of the series \"" + e.seriesTitle() + "\". Well done!",
                emails.link("/series/" + e.seriesSlug()),
                true));
    }
}
