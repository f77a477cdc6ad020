package io.lectern.ai.retrieval;

import io.lectern.ai.config.AiProperties;
import io.lectern.ai.embedding.Embedder;
import io.lectern.ai.embedding.Vectors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hybrid retrieval in one SQL statement: an HNSW cosine scan and a full-text scan over the chunks of
 * the running model, each restricted by the same filters and by the reader's access (premium chunks
 * only when allowed, inside both legs so they never leak), fused with Reciprocal Rank Fusion (k = 60).
 * Iterative index scans (pgvector 0.8, relaxed order) keep a filtered vector leg returning its rows.
 */
@Component
public class HybridRetriever {

    private static final String FILTERS = """
             AND c.model = :model
             AND (:premium OR NOT c.premium)
             AND (CAST(:series AS text) IS NULL OR c.series_slug = :series)
             AND (CAST(:tag AS text) IS NULL OR :tag = ANY(c.tags))
             AND (CAST(:difficulty AS text) IS NULL OR c.difficulty = :difficulty)
             AND (CAST(:exclude AS uuid) IS NULL OR c.post_id <> CAST(:exclude AS uuid))
            """;

    private static final String SEMANTIC = """
            semantic AS (
              SELECT c.id, row_number() OVER (ORDER BY c.embedding <=> CAST(:q AS vector)) AS rnk
              FROM chunk c WHERE TRUE
            """ + FILTERS + """
              ORDER BY c.embedding <=> CAST(:q AS vector) LIMIT :n)
            """;

    private static final String KEYWORD = """
            keyword AS (
              SELECT c.id, row_number() OVER (ORDER BY ts_rank(c.tsv, q) DESC, c.id) AS rnk
              FROM chunk c, to_tsquery('english', replace(plainto_tsquery('english', :text)::text, ' & ', ' | ')) q
              WHERE c.tsv @@ q
            """ + FILTERS + """
              ORDER BY ts_rank(c.tsv, q) DESC, c.id LIMIT :n)
            """;

    private static final String EMPTY_SEMANTIC =
            "semantic AS (SELECT NULL::uuid AS id, NULL::bigint AS rnk WHERE FALSE)\n";
    private static final String EMPTY_KEYWORD =
            "keyword AS (SELECT NULL::uuid AS id, NULL::bigint AS rnk WHERE FALSE)\n";

    private static final String FUSE = """
            SELECT c.id, c.post_id, p.slug, c.title, c.heading_path, c.anchor, c.content, c.premium,
                   coalesce(1.0 / (60 + s.rnk), 0) + coalesce(1.0 / (60 + k.rnk), 0)
                     + CASE WHEN c.post_id = ANY(CAST(:prefer AS uuid[])) THEN 0.004 ELSE 0 END AS score,
                   s.rnk::int AS vec_rank, k.rnk::int AS text_rank,
                   1 - (c.embedding <=> CAST(:q AS vector)) AS similarity
            FROM semantic s FULL OUTER JOIN keyword k ON s.id = k.id
            JOIN chunk c ON c.id = coalesce(s.id, k.id)
            JOIN post p ON p.id = c.post_id
            ORDER BY score DESC, similarity DESC
            LIMIT :n
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Embedder embedder;
    private final AiProperties.Retrieval props;

    HybridRetriever(JdbcClient jdbc, TransactionTemplate tx, Embedder embedder, AiProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.embedder = embedder;
        this.props = props.retrieval();
    }

    public List<Passage> search(SearchRequest r) {
        int candidates = Math.max(props.candidates(), r.k() * 4);
        String sql = "WITH "
                + (r.mode() == SearchRequest.Mode.TEXT ? EMPTY_SEMANTIC : SEMANTIC)
                + ", "
                + (r.mode() == SearchRequest.Mode.VECTOR ? EMPTY_KEYWORD : KEYWORD)
                + FUSE;
        List<Passage> rows = tx.execute(status -> {
            jdbc.sql("SET LOCAL hnsw.ef_search = " + Math.max(10, props.efSearch()))
                    .update();
            jdbc.sql("SET LOCAL hnsw.iterative_scan = relaxed_order").update();
            return jdbc.sql(sql)
                    .param("q", Vectors.literal(r.vector()))
                    .param("text", r.text())
                    .param("model", embedder.model())
                    .param("premium", r.premium())
                    .param("series", r.series())
                    .param("tag", r.tag())
                    .param("difficulty", r.difficulty())
                    .param(
                            "exclude",
                            r.excludePost() == null ? null : r.excludePost().toString())
                    .param(
                            "prefer",
                            "{" + r.preferPosts().stream().map(UUID::toString).collect(Collectors.joining(",")) + "}")
                    .param("n", candidates)
                    .query((rs, n) -> new Passage(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getBoolean(8),
                            rs.getDouble(9),
                            rs.getObject(10, Integer.class),
                            rs.getObject(11, Integer.class),
                            rs.getDouble(12)))
                    .list();
        });
        List<Passage> out = new ArrayList<>();
        Set<UUID> posts = new HashSet<>();
        for (Passage p : rows == null ? List.<Passage>of() : rows) {
            if (r.onePerPost() && !posts.add(p.postId())) {
                continue;
            }
            out.add(p);
            if (out.size() == r.k()) {
                break;
            }
        }
        return out;
    }
}
