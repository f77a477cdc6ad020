package io.lectern.contracts.events.identity;

import io.lectern.contracts.events.EventType;
import java.util.List;
import java.util.UUID;

/** An admin changed a user's roles (reader, author, editor, admin). */
@EventType("identity.user-role-changed.v1")
public record UserRoleChanged(UUID userId, List<String> roles, UUID changedBy, long version) {}
