package io.lectern.notify.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One in-app notification as the API and the live stream show it; {@code seq} is the stream's event id. */
public record NotificationResponse(
        UUID id,
        long seq,
        String kind,
        String title,
        String body,
        @Nullable String link,
        Instant createdAt,
        boolean read) {}
