package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A reader finished a post for the first time (passed most of it, in a plausible time). */
@EventType("learning.post-read.v1")
public record PostRead(
        UUID userId, UUID postId, String postSlug, @Nullable UUID seriesId, Instant readAt) {}
