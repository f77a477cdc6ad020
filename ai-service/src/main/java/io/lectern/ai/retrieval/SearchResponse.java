package io.lectern.ai.retrieval;

import java.util.List;

/** Hybrid search results, at most one per post, best first. */
public record SearchResponse(String query, String mode, String model, List<SearchHit> results) {}
