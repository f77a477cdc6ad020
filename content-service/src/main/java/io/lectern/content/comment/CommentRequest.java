package io.lectern.content.comment;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record CommentRequest(@NotNull String body, @Nullable UUID parentId) {}
