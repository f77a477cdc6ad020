package io.lectern.ai.reader;

import io.lectern.ai.access.Reader;
import io.lectern.ai.embedding.Vectors;
import io.lectern.ai.retrieval.Neighbours;
import io.lectern.ai.retrieval.SimilarPost;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What to read next. A reader with a history gets posts close to the mean of what they read recently
 * and have not read; a reader without one (or when that finds nothing) gets the most read, then the
 * newest posts; an anonymous reader on a post page gets posts similar to that post.
 */
@Component
class Recommendations {

    record Recommendation(UUID postId, String slug, String title, String excerpt, boolean premium, String reason) {}

    private final ReadHistory history;
    private final Neighbours neighbours;
    private final JdbcClient jdbc;

    Recommendations(ReadHistory history, Neighbours neighbours, JdbcClient jdbc) {
        this.history = history;
        this.neighbours = neighbours;
        this.jdbc = jdbc;
    }

    List<Recommendation> forReader(Reader reader, @Nullable UUID currentPost, int k) {
        List<Recommendation> out = new ArrayList<>();
        List<UUID> read = reader.signedIn() ? history.postsReadBy(reader.id(), 20) : List.of();
        List<UUID> exclude = new ArrayList<>(read);
        if (currentPost != null) {
            exclude.add(currentPost);
        }
        if (!read.isEmpty()) {
            List<float[]> vectors = read.stream()
                    .map(neighbours::postVector)
                    .flatMap(Optional::stream)
                    .toList();
            if (!vectors.isEmpty()) {
                add(
                        out,
                        neighbours.similarTo(Vectors.mean(vectors), allRead(reader, exclude), reader.seesPremium(), k),
                        "similar-to-your-reading",
                        k);
            }
        } else if (currentPost != null) {
            neighbours
                    .postVector(currentPost)
                    .ifPresent(v -> add(
                            out, neighbours.similarTo(v, exclude, reader.seesPremium(), k), "similar-to-this-post", k));
        }
        if (out.size() < k) {
            List<UUID> skip = new ArrayList<>(exclude);
            out.forEach(r -> skip.add(r.postId()));
            out.addAll(popularOrRecent(skip, reader.seesPremium(), k - out.size()));
        }
        return out;
    }

    private List<UUID> allRead(Reader reader, List<UUID> exclude) {
        List<UUID> all = new ArrayList<>(exclude);
        all.addAll(history.postsReadBy(reader.id(), 10_000));
        return all;
    }

    private static void add(List<Recommendation> out, List<SimilarPost> posts, String reason, int k) {
        for (SimilarPost p : posts) {
            if (out.size() < k) {
                out.add(new Recommendation(p.postId(), p.slug(), p.title(), p.excerpt(), p.premium(), reason));
            }
        }
    }

    private List<Recommendation> popularOrRecent(List<UUID> skip, boolean premium, int k) {
        return jdbc.sql("""
                SELECT p.id, p.slug, p.title, p.excerpt, p.premium,
                       CASE WHEN count(r.user_id) > 0 THEN 'popular' ELSE 'recent' END
                FROM post p LEFT JOIN read_history r ON r.post_id = p.id AND r.read_at > now() - interval '30 days'
                WHERE (:premium OR NOT p.premium) AND NOT (p.id = ANY(CAST(:skip AS uuid[])))
                GROUP BY p.id
                ORDER BY count(r.user_id) DESC, p.published_at DESC
                LIMIT :k
                """)
                .param("premium", premium)
                .param(
                        "skip",
                        "{" + String.join(",", skip.stream().map(UUID::toString).toList()) + "}")
                .param("k", k)
                .query((rs, n) -> new Recommendation(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getString(6)))
                .list();
    }
}
