package io.lectern.notify.messaging;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.billing.SubscriptionActivated;
import io.lectern.contracts.events.billing.SubscriptionCancelled;
import io.lectern.contracts.events.billing.SubscriptionChanged;
import io.lectern.notify.email.Email;
import io.lectern.notify.email.EmailQueue;
import io.lectern.notify.notification.NewNotification;
import io.lectern.notify.notification.Notifications;
import io.lectern.notify.recipient.Recipients;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * billing's events: an in-app notification plus a receipt e-mail. Receipts are transactional mail and
 * ignore the notification-e-mail preference.
 */
@Component
public class BillingEvents {

    private static final Logger log = LoggerFactory.getLogger(BillingEvents.class);

    private final Notifications notifications;
    private final Recipients recipients;
    private final EmailQueue emails;

    BillingEvents(Notifications notifications, Recipients recipients, EmailQueue emails) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.emails = emails;
    }

    public void onSubscriptionActivated(SubscriptionActivated e, EventEnvelope envelope) {
        notifications.create(new NewNotification(
                e.userId(),
                "subscription-activated",
                "Your " + e.plan() + " subscription is active",
                "You have " + e.tier() + " access until " + e.currentPeriodEnd() + ".",
                emails.link("/account/billing"),
                false));
        receipt(
                e.userId(),
                "subscription-activated",
                Map.of(
                        "plan", e.plan(),
                        "tier", e.tier(),
                        "subscriptionId", e.subscriptionId(),
                        "currentPeriodEnd", e.currentPeriodEnd().toString()));
    }

    public void onSubscriptionChanged(SubscriptionChanged e, EventEnvelope envelope) {
        notifications.create(new NewNotification(
                e.userId(),
                "subscription-changed",
                "Your subscription changed",
                "Plan " + e.plan() + ", status " + e.status() + ", " + e.tier() + " access until "
                        + e.currentPeriodEnd() + ".",
                emails.link("/account/billing"),
                false));
        receipt(
                e.userId(),
                "subscription-changed",
                Map.of(
                        "plan", e.plan(),
                        "status", e.status(),
                        "tier", e.tier(),
                        "subscriptionId", e.subscriptionId(),
                        "currentPeriodEnd", e.currentPeriodEnd().toString()));
    }

    public void onSubscriptionCancelled(SubscriptionCancelled e, EventEnvelope envelope) {
        notifications.create(new NewNotification(
                e.userId(),
                "subscription-cancelled",
                "Your subscription has ended",
                "You are on the free tier since " + e.endedAt() + ".",
                emails.link("/account/billing"),
                false));
        receipt(
                e.userId(),
                "subscription-cancelled",
                Map.of(
                        "subscriptionId",
                        e.subscriptionId(),
                        "endedAt",
                        e.endedAt().toString()));
    }

    private void receipt(UUID userId, String template, Map<String, Object> values) {
        recipients
                .find(userId)
                .ifPresentOrElse(
                        r -> {
                            Map<String, Object> model = new HashMap<>(values);
                            model.put("displayName", r.displayName());
                            emails.enqueue(Email.of(userId, r.email(), template, model));
                        },
                        () -> log.warn("no address known for user {}: {} e-mail not sent", userId, template));
    }
}
