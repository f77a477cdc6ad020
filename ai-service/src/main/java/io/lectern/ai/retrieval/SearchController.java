package io.lectern.ai.retrieval;

import io.lectern.ai.access.Reader;
import io.lectern.ai.embedding.QueryEmbeddings;
import io.lectern.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hybrid search for the search page, related passages and similar posts for a post page. */
@RestController
class SearchController {

    static final int MAX_QUERY = 500;

    private final HybridRetriever retriever;
    private final QueryEmbeddings queries;
    private final Neighbours neighbours;

    SearchController(HybridRetriever retriever, QueryEmbeddings queries, Neighbours neighbours) {
        this.retriever = retriever;
        this.queries = queries;
        this.neighbours = neighbours;
    }

    @Operation(summary = "Hybrid (vector + full-text, RRF) search over every post's passages, one result per post")
    @GetMapping("/api/v1/hybrid-search")
    SearchResponse search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String series,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String difficulty,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "hybrid") String mode) {
        String text = requireQuery(q, "q");
        SearchRequest.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "hybrid" -> SearchRequest.Mode.HYBRID;
            case "vector" -> SearchRequest.Mode.VECTOR;
            case "text" -> SearchRequest.Mode.TEXT;
            default ->
                throw ProblemException.badRequest("mode must be hybrid, vector or text.")
                        .with("field", "mode");
        };
        int k = limit(limit);
        Reader reader = Reader.current();
        List<Passage> hits = retriever.search(new SearchRequest(
                text,
                queries.embed(text),
                blank(series),
                blank(tag),
                blank(difficulty),
                reader.seesPremium(),
                k,
                m,
                true,
                null,
                List.of()));
        return new SearchResponse(
                text,
                m.name().toLowerCase(Locale.ROOT),
                queries.embedder().model(),
                hits.stream().map(SearchHit::of).toList());
    }

    @Operation(summary = "Passages of other posts closest in meaning to a post")
    @GetMapping("/api/v1/rag/posts/{postId}/related-chunks")
    List<SearchHit> related(@PathVariable UUID postId, @RequestParam(defaultValue = "5") int limit) {
        return neighbours.relatedChunks(postId, Reader.current().seesPremium(), limit(limit)).stream()
                .map(SearchHit::of)
                .toList();
    }

    @Operation(summary = "Posts closest in meaning to a post")
    @GetMapping("/api/v1/rag/posts/{postId}/similar")
    List<SimilarPost> similar(@PathVariable UUID postId, @RequestParam(defaultValue = "5") int limit) {
        return neighbours.similarPosts(postId, Reader.current().seesPremium(), limit(limit));
    }

    static String requireQuery(@Nullable String q, String field) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest(field + " must not be empty.").with("field", field);
        }
        if (q.length() > MAX_QUERY) {
            throw ProblemException.badRequest(field + " must be at most " + MAX_QUERY + " characters.")
                    .with("field", field);
        }
        return q.strip();
    }

    static int limit(int limit) {
        if (limit < 1 || limit > 50) {
            throw ProblemException.badRequest("limit must be between 1 and 50.").with("field", "limit");
        }
        return limit;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
