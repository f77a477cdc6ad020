package io.lectern.ai.ask;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A numbered source of an answer: the post, the section it links to and a snippet. */
public record Citation(
        int number,
        UUID postId,
        String title,
        String slug,
        String headingPath,
        @Nullable String anchor,
        String url,
        String snippet,
        boolean premium) {}
