package io.lectern.notify.recipient;

import java.util.UUID;

/** What notify knows about a user: where to write, how to greet them and what they opted into. */
public record Recipient(
        UUID userId,
        String email,
        String displayName,
        String locale,
        String timeZone,
        boolean emailVerified,
        boolean digestOptIn,
        boolean notificationEmailsOptIn) {}
