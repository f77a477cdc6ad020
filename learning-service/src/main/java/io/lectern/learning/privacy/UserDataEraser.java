package io.lectern.learning.privacy;

import java.util.UUID;

/**
 * Implemented by every learning feature that stores data about a user (a Spring bean). On
 * {@code UserDeleted} all erasers run in the event's transaction (with the learner tombstoned after
 * them), so the deletion is all or nothing and is retried as a whole. Delete every row keyed by the
 * user; Redis keys too (they are not transactional: make that part idempotent).
 */
public interface UserDataEraser {

    void erase(UUID userId);
}
