package io.lectern.contracts.events.identity;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A new account exists (not yet verified). */
@EventType("identity.user-registered.v1")
public record UserRegistered(
        UUID userId,
        String email,
        String displayName,
        String locale,
        String timeZone,
        @Nullable UUID referredBy,
        Instant registeredAt) {}
