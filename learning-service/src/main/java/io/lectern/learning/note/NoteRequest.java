package io.lectern.learning.note;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A note to create ({@code postId} required) or edit ({@code postId} ignored). {@code anchor} is the id of a
 * heading or paragraph in the post ({@code [A-Za-z0-9_.:-]}, up to 200 characters), or null for the whole post.
 */
record NoteRequest(
        @Nullable UUID postId,
        @Nullable String anchor,
        @Nullable String body) {}
