package io.lectern.ai.tutor;

import io.lectern.ai.access.Reader;
import io.lectern.ai.embedding.Embedder;
import io.lectern.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A post's passages for generating study material, with the reader's access checked. */
@Component
class PostTexts {

    record Section(String headingPath, @Nullable String anchor, String content) {}

    record Post(UUID id, String title, @Nullable String seriesSlug, List<String> tags, List<Section> sections) {}

    private final JdbcClient jdbc;
    private final Embedder embedder;

    PostTexts(JdbcClient jdbc, Embedder embedder) {
        this.jdbc = jdbc;
        this.embedder = embedder;
    }

    Post load(UUID postId, Reader reader) {
        record Head(String title, boolean premium, @Nullable String series, String[] tags) {}
        Head head = jdbc.sql("SELECT title, premium, series_slug, tags FROM post WHERE id = :id")
                .param("id", postId)
                .query((rs, n) -> new Head(rs.getString(1), rs.getBoolean(2), rs.getString(3), (String[])
                        rs.getArray(4).getArray()))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Post " + postId).with("field", "postId"));
        if (head.premium() && !reader.seesPremium()) {
            throw ProblemException.forbidden("This post is for premium members.")
                    .with("field", "postId");
        }
        return new Post(postId, head.title(), head.series(), List.of(head.tags()), sections(postId));
    }

    List<Section> sections(UUID postId) {
        return jdbc.sql(
                        "SELECT heading_path, anchor, content FROM chunk WHERE post_id = :id AND model = :m ORDER BY ordinal")
                .param("id", postId)
                .param("m", embedder.model())
                .query((rs, n) -> new Section(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Text of up to {@code max} other free posts of the same series (or sharing a tag), for distractors. */
    List<String> neighbourTexts(Post post, int max) {
        return jdbc.sql("""
                SELECT p.markdown FROM post p
                WHERE p.id <> :id AND NOT p.premium
                  AND ((CAST(:series AS text) IS NOT NULL AND p.series_slug = :series)
                       OR p.tags && CAST(:tags AS text[]))
                ORDER BY (p.series_slug IS NOT DISTINCT FROM :series) DESC, p.published_at DESC
                LIMIT :max
                """)
                .param("id", post.id())
                .param("series", post.seriesSlug())
                .param("tags", io.lectern.ai.indexing.PgArrays.text(post.tags()))
                .param("max", max)
                .query(String.class)
                .list();
    }
}
