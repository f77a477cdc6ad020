package io.lectern.ai.indexing;

import org.jspecify.annotations.Nullable;

/**
 * A passage of a post: the text under one heading (or part of it), the path of headings above it and
 * the anchor a citation links to, with a hash of exactly what gets embedded.
 */
public record Chunk(
        int ordinal, String headingPath, @Nullable String anchor, String content, String hash) {}
