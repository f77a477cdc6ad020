package io.lectern.contracts.events.identity;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * Send a verification link to {@code email}. {@code sealedToken} is the single-use token sealed with
 * the platform's seal key (AES-GCM): only notify-service unseals it, at the moment it renders the
 * email, so no raw token rests in any table or stream.
 */
@EventType("identity.email-verification-requested.v1")
public record EmailVerificationRequested(
        UUID userId, String email, String displayName, String locale, String sealedToken, Instant expiresAt) {}
