package io.lectern.contracts.events.content;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A held comment was approved by a moderator and is now visible. */
@EventType("content.comment-approved.v1")
public record CommentApproved(
        UUID commentId,
        UUID postId,
        String postSlug,
        String postTitle,
        UUID authorId,
        @Nullable UUID parentCommentId,
        @Nullable UUID parentAuthorId,
        Instant approvedAt) {}
