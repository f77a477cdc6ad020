package io.lectern.contracts.events.identity;

import io.lectern.contracts.events.EventType;
import java.util.UUID;

/** An admin suspended ({@code suspended = true}) or reinstated a user. */
@EventType("identity.user-suspended.v1")
public record UserSuspended(UUID userId, boolean suspended, UUID changedBy, long version) {}
