package io.lectern.contracts.events.identity;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** The user proved they own {@code email}. */
@EventType("identity.email-verified.v1")
public record EmailVerified(UUID userId, String email, String displayName, String locale, Instant verifiedAt) {}
