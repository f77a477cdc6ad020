package io.lectern.ai.retrieval;

import io.lectern.ai.embedding.Embedder;
import io.lectern.ai.embedding.Vectors;
import io.lectern.platform.web.ProblemException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Posts and passages near a post (its vector is the normalised mean of its chunks). */
@Component
public class Neighbours {

    private final JdbcClient jdbc;
    private final Embedder embedder;
    private final HybridRetriever retriever;

    Neighbours(JdbcClient jdbc, Embedder embedder, HybridRetriever retriever) {
        this.jdbc = jdbc;
        this.embedder = embedder;
        this.retriever = retriever;
    }

    public Optional<float[]> postVector(UUID postId) {
        return jdbc.sql("SELECT embedding::text FROM post_vector WHERE post_id = :id AND model = :m")
                .param("id", postId)
                .param("m", embedder.model())
                .query(String.class)
                .optional()
                .map(Vectors::parse);
    }

    public float[] requirePostVector(UUID postId) {
        return postVector(postId).orElseThrow(() -> ProblemException.notFound("Post " + postId));
    }

    /** Passages of other posts closest to {@code postId}, one per post. */
    public List<Passage> relatedChunks(UUID postId, boolean premium, int k) {
        float[] v = requirePostVector(postId);
        return retriever.search(new SearchRequest(
                "", v, null, null, null, premium, k, SearchRequest.Mode.VECTOR, true, postId, List.of()));
    }

    /** Other posts closest to {@code vector}, skipping {@code exclude}. */
    public List<SimilarPost> similarTo(float[] vector, List<UUID> exclude, boolean premium, int k) {
        return jdbc.sql("""
                SELECT p.id, p.slug, p.title, p.excerpt, p.premium, 1 - (v.embedding <=> CAST(:q AS vector)) AS sim
                FROM post_vector v JOIN post p ON p.id = v.post_id
                WHERE v.model = :m AND (:premium OR NOT p.premium) AND NOT (p.id = ANY(CAST(:exclude AS uuid[])))
                ORDER BY v.embedding <=> CAST(:q AS vector)
                LIMIT :k
                """)
                .param("q", Vectors.literal(vector))
                .param("m", embedder.model())
                .param("premium", premium)
                .param("exclude", "{" + exclude.stream().map(UUID::toString).collect(Collectors.joining(",")) + "}")
                .param("k", k)
                .query((rs, n) -> new SimilarPost(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getDouble(6)))
                .list();
    }

    public List<SimilarPost> similarPosts(UUID postId, boolean premium, int k) {
        return similarTo(requirePostVector(postId), List.of(postId), premium, k);
    }
}
