package io.lectern.learning.series;

import io.lectern.contracts.events.content.SeriesChanged;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The series read model, fed by {@code SeriesChanged} (version-aware; a deleted series is a tombstone). */
@Component
public class SeriesCatalog {

    private final JdbcClient jdbc;

    SeriesCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SeriesView> find(UUID id) {
        return jdbc.sql("select id, slug, title, description, post_ids, deleted, version from series where id = :id")
                .param("id", id)
                .query(SeriesCatalog::view)
                .optional();
    }

    /** Series (not deleted) that list {@code postId}. */
    public List<SeriesView> containing(UUID postId) {
        return jdbc.sql("""
                        select id, slug, title, description, post_ids, deleted, version from series
                        where not deleted and :postId = any(post_ids)
                        """).param("postId", postId).query(SeriesCatalog::view).list();
    }

    /** Series (not deleted) among {@code ids}. */
    public List<SeriesView> findAll(List<UUID> ids) {
        return jdbc.sql("""
                        select id, slug, title, description, post_ids, deleted, version from series
                        where not deleted and id = any(:ids) order by title
                        """)
                .param("ids", ids.toArray(UUID[]::new))
                .query(SeriesCatalog::view)
                .list();
    }

    public void onChanged(SeriesChanged e) {
        jdbc.sql("""
                        insert into series (id, slug, title, description, post_ids, deleted, version)
                        values (:id, :slug, :title, :description, :postIds, :deleted, :version)
                        on conflict (id) do update set slug = excluded.slug, title = excluded.title,
                            description = excluded.description, post_ids = excluded.post_ids,
                            deleted = excluded.deleted, version = excluded.version, updated_at = now()
                        where series.version < excluded.version
                        """)
                .param("id", e.seriesId())
                .param("slug", e.slug())
                .param("title", e.title())
                .param("description", e.description())
                .param("postIds", e.deleted() ? new UUID[0] : e.postIds().toArray(UUID[]::new))
                .param("deleted", e.deleted())
                .param("version", e.version())
                .update();
    }

    private static SeriesView view(ResultSet rs, int row) throws SQLException {
        return new SeriesView(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("description"),
                uuids(rs.getArray("post_ids")),
                rs.getBoolean("deleted"),
                rs.getLong("version"));
    }

    private static List<UUID> uuids(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((UUID[]) array.getArray());
    }
}
