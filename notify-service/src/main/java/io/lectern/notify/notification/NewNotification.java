package io.lectern.notify.notification;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A notification to create. {@code emailToo} asks for an e-mail copy, sent only when the user's
 * notification-e-mail preference allows it.
 */
public record NewNotification(
        UUID userId,
        String kind,
        String title,
        String body,
        @Nullable String link,
        boolean emailToo) {}
