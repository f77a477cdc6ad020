package io.lectern.contracts.events.identity;

import io.lectern.contracts.events.EventType;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Profile and preference fields other services keep copies of (author names, digest opt-in, time zone). */
@EventType("identity.user-profile-changed.v1")
public record UserProfileChanged(
        UUID userId,
        String displayName,
        @Nullable String avatarUrl,
        String locale,
        String timeZone,
        boolean digestOptIn,
        boolean notificationEmailsOptIn,
        long version) {}
