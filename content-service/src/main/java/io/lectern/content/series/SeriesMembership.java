package io.lectern.content.series;

import io.lectern.contracts.events.content.SeriesChanged;
import io.lectern.eventbus.EventPublisher;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A series' readers-visible posts change when one of its posts is published, unpublished, deleted or
 * moved to another series, not only when the series itself is edited: each such change moves the series'
 * version on and announces {@code SeriesChanged} with the published posts in order, in the change's own
 * transaction, so consumers (learning's series progress and certificates) see the series as readers do.
 */
@Component
public class SeriesMembership {

    private final JdbcClient jdbc;
    private final EventPublisher events;

    SeriesMembership(JdbcClient jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private record Head(String slug, String title, String description, long version) {}

    /** Announces the series' current published posts; nothing when there is no such series (any more). */
    public void changed(@Nullable UUID seriesId) {
        if (seriesId == null) {
            return;
        }
        Head head = jdbc.sql("""
                        update series set version = version + 1, updated_at = now() where id = :id
                        returning slug, title, description, version
                        """)
                .param("id", seriesId)
                .query((rs, n) -> new Head(
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getLong("version")))
                .optional()
                .orElse(null);
        if (head == null) {
            return;
        }
        List<UUID> published =
                jdbc.sql("""
                        select id from post where series_id = :id and status = 'PUBLISHED'
                        order by series_position nulls last, published_at
                        """).param("id", seriesId).query(UUID.class).list();
        events.publish(
                seriesId.toString(),
                new SeriesChanged(
                        seriesId, head.slug(), head.title(), head.description(), published, false, head.version()));
    }
}
