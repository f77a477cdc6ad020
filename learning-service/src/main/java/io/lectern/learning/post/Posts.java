package io.lectern.learning.post;

import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.PostUnpublished;
import io.lectern.contracts.events.content.PostUpdated;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The post read model. Writes come only from content's events and are version-aware: an event older
 * than the row is ignored, whatever order the bus delivers them in; unpublish and delete are
 * tombstones (the row stays, hidden), so a late {@code PostUpdated} cannot resurrect a deleted post.
 */
@Component
public class Posts {

    private static final String COLUMNS = """
            id, slug, title, excerpt, series_id, series_position, tags, difficulty, premium, reading_minutes,
            markdown, content_hash, published, deleted, published_at, version""";

    private static final String SUMMARY =
            "id, slug, title, excerpt, series_id, reading_minutes, premium, published, deleted";

    private final JdbcClient jdbc;

    Posts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PostView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from post where id = :id")
                .param("id", id)
                .query(Posts::view)
                .optional();
    }

    /** A post a reader may act on now (published, not deleted), or empty. */
    public Optional<PostView> findVisible(UUID id) {
        return find(id).filter(PostView::visible);
    }

    /** Summaries of the given posts that learning knows of (visible or not), by id. */
    public Map<UUID, PostSummary> summaries(Collection<UUID> ids) {
        Map<UUID, PostSummary> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select " + SUMMARY + " from post where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Posts::summary)
                .list()
                .forEach(s -> out.put(s.id(), s));
        return out;
    }

    /** Visible posts of a series in series order (the series read model decides membership). */
    public List<PostSummary> visibleIn(List<UUID> ordered) {
        Map<UUID, PostSummary> byId = summaries(ordered);
        return ordered.stream()
                .map(byId::get)
                .filter(s -> s != null && s.visible())
                .toList();
    }

    public void onPublished(PostPublished e) {
        upsert(
                e.postId(),
                e.slug(),
                e.title(),
                e.excerpt(),
                e.seriesId(),
                e.seriesPosition(),
                e.tags(),
                e.difficulty(),
                e.premium(),
                e.readingMinutes(),
                e.markdown(),
                e.contentHash(),
                e.publishedAt(),
                e.version());
    }

    public void onUpdated(PostUpdated e) {
        upsert(
                e.postId(),
                e.slug(),
                e.title(),
                e.excerpt(),
                e.seriesId(),
                e.seriesPosition(),
                e.tags(),
                e.difficulty(),
                e.premium(),
                e.readingMinutes(),
                e.markdown(),
                e.contentHash(),
                null,
                e.version());
    }

    public void onUnpublished(PostUnpublished e) {
        tombstone(e.postId(), e.slug(), false, e.version());
    }

    public void onDeleted(PostDeleted e) {
        tombstone(e.postId(), e.slug(), true, e.version());
    }

    private void upsert(
            UUID id,
            String slug,
            String title,
            String excerpt,
            @Nullable UUID seriesId,
            @Nullable Integer seriesPosition,
            List<String> tags,
            String difficulty,
            boolean premium,
            int readingMinutes,
            String markdown,
            String contentHash,
            java.time.@Nullable Instant publishedAt,
            long version) {
        jdbc.sql("""
                        insert into post (id, slug, title, excerpt, series_id, series_position, tags, difficulty, premium,
                                          reading_minutes, markdown, content_hash, published, deleted, published_at, version)
                        values (:id, :slug, :title, :excerpt, :seriesId, :seriesPosition, :tags, :difficulty, :premium,
                                :readingMinutes, :markdown, :contentHash, true, false, :publishedAt, :version)
                        on conflict (id) do update set
                            slug = excluded.slug, title = excluded.title, excerpt = excluded.excerpt,
                            series_id = excluded.series_id, series_position = excluded.series_position,
                            tags = excluded.tags, difficulty = excluded.difficulty, premium = excluded.premium,
                            reading_minutes = excluded.reading_minutes, markdown = excluded.markdown,
                            content_hash = excluded.content_hash, published = true, deleted = false,
                            published_at = coalesce(excluded.published_at, post.published_at),
                            version = excluded.version, updated_at = now()
                        where post.version < excluded.version
                        """)
                .param("id", id)
                .param("slug", slug)
                .param("title", title)
                .param("excerpt", excerpt)
                .param("seriesId", seriesId)
                .param("seriesPosition", seriesPosition)
                .param("tags", tags.toArray(String[]::new))
                .param("difficulty", difficulty)
                .param("premium", premium)
                .param("readingMinutes", Math.max(1, readingMinutes))
                .param("markdown", markdown)
                .param("contentHash", contentHash)
                .param("publishedAt", publishedAt == null ? null : Timestamp.from(publishedAt))
                .param("version", version)
                .update();
    }

    private void tombstone(UUID id, String slug, boolean deleted, long version) {
        jdbc.sql("""
                        insert into post (id, slug, title, published, deleted, version)
                        values (:id, :slug, :slug, false, :deleted, :version)
                        on conflict (id) do update set published = false, deleted = post.deleted or excluded.deleted,
                            version = excluded.version, updated_at = now()
                        where post.version < excluded.version
                        """)
                .param("id", id)
                .param("slug", slug)
                .param("deleted", deleted)
                .param("version", version)
                .update();
    }

    private static PostView view(ResultSet rs, int row) throws SQLException {
        Timestamp publishedAt = rs.getTimestamp("published_at");
        int position = rs.getInt("series_position");
        Integer seriesPosition = rs.wasNull() ? null : position;
        return new PostView(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("excerpt"),
                rs.getObject("series_id", UUID.class),
                seriesPosition,
                strings(rs.getArray("tags")),
                rs.getString("difficulty"),
                rs.getBoolean("premium"),
                rs.getInt("reading_minutes"),
                rs.getString("markdown"),
                rs.getString("content_hash"),
                rs.getBoolean("published"),
                rs.getBoolean("deleted"),
                publishedAt == null ? null : publishedAt.toInstant(),
                rs.getLong("version"));
    }

    private static PostSummary summary(ResultSet rs, int row) throws SQLException {
        return new PostSummary(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("excerpt"),
                rs.getObject("series_id", UUID.class),
                rs.getInt("reading_minutes"),
                rs.getBoolean("premium"),
                rs.getBoolean("published") && !rs.getBoolean("deleted"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
