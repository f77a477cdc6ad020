package io.lectern.content.comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code body} is the plain text; {@code html} is the same text escaped for direct insertion. */
record CommentResponse(
        UUID id,
        @Nullable UUID parentId,
        @Nullable UUID authorId,
        String authorName,
        String body,
        String html,
        String status,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt,
        List<CommentResponse> replies) {}
