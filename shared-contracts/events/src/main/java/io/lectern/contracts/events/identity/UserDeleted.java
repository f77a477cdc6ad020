package io.lectern.contracts.events.identity;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** The account is gone: every service removes or anonymises what it holds about {@code userId}. */
@EventType("identity.user-deleted.v1")
public record UserDeleted(UUID userId, Instant deletedAt) {}
