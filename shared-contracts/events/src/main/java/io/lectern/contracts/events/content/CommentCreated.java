package io.lectern.contracts.events.content;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A comment was written. {@code approved} is false when it waits in the moderation queue;
 * {@code parentAuthorId} is whom a reply answers (for reply notifications).
 */
@EventType("content.comment-created.v1")
public record CommentCreated(
        UUID commentId,
        UUID postId,
        String postSlug,
        String postTitle,
        UUID authorId,
        String authorName,
        @Nullable UUID parentCommentId,
        @Nullable UUID parentAuthorId,
        String excerpt,
        boolean approved,
        Instant createdAt) {}
