package io.lectern.notify.newsletter;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A new issue: a subject and exactly one body source (Markdown, HTML, or a published post). */
record CreateIssueRequest(
        @Nullable @Size(max = 200) String subject,
        @Nullable @Size(max = 200_000) String markdown,
        @Nullable @Size(max = 400_000) String html,
        @Nullable UUID postId) {}
