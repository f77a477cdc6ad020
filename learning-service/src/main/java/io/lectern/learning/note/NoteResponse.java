package io.lectern.learning.note;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record NoteResponse(
        UUID id,
        UUID postId,
        @Nullable String postTitle,
        @Nullable String postSlug,
        @Nullable String anchor,
        String body,
        Instant createdAt,
        Instant updatedAt) {}
