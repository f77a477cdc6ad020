package io.lectern.contracts.events.content;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A post is gone for good. */
@EventType("content.post-deleted.v1")
public record PostDeleted(UUID postId, String slug, Instant deletedAt, long version) {}
