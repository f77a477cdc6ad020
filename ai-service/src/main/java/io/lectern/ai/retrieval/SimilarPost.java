package io.lectern.ai.retrieval;

import java.util.UUID;

/** A post close in meaning to another one. */
public record SimilarPost(UUID postId, String slug, String title, String excerpt, boolean premium, double similarity) {}
