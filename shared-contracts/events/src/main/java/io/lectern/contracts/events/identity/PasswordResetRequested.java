package io.lectern.contracts.events.identity;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** Send a password-reset link; the token is sealed as in {@link EmailVerificationRequested}. */
@EventType("identity.password-reset-requested.v1")
public record PasswordResetRequested(
        UUID userId, String email, String displayName, String locale, String sealedToken, Instant expiresAt) {}
