package io.lectern.contracts.events.identity;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** The account's email address changed (the new one is verified). Notify tells the old address. */
@EventType("identity.email-changed.v1")
public record EmailChanged(UUID userId, String oldEmail, String newEmail, String displayName, Instant changedAt) {}
