package io.lectern.contracts.events.content;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A post went back to draft: consumers hide it (search, AI index, digest). */
@EventType("content.post-unpublished.v1")
public record PostUnpublished(UUID postId, String slug, Instant unpublishedAt, long version) {}
