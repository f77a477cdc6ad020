package io.lectern.ai.retrieval;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One retrieval: the text, its query vector, filters, whether premium passages may be returned,
 * how many posts, and which legs run (hybrid = both, fused with Reciprocal Rank Fusion).
 */
public record SearchRequest(
        String text,
        float[] vector,
        @Nullable String series,
        @Nullable String tag,
        @Nullable String difficulty,
        boolean premium,
        int k,
        Mode mode,
        boolean onePerPost,
        @Nullable UUID excludePost,
        List<UUID> preferPosts) {

    public enum Mode {
        HYBRID,
        VECTOR,
        TEXT
    }

    public SearchRequest withMode(Mode m) {
        return new SearchRequest(
                text, vector, series, tag, difficulty, premium, k, m, onePerPost, excludePost, preferPosts);
    }
}
