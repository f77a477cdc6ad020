package io.lectern.ai.retrieval;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A retrieved chunk with how it ranked in each leg of the hybrid search. */
public record Passage(
        UUID chunkId,
        UUID postId,
        String slug,
        String title,
        String headingPath,
        @Nullable String anchor,
        String content,
        boolean premium,
        double score,
        @Nullable Integer vectorRank,
        @Nullable Integer textRank,
        double similarity) {}
