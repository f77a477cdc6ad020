package io.lectern.learning.progress;

import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reading progress and completed series, for the export and the erasure. */
@Component
class ProgressUserData implements UserDataEraser, UserDataExporter {

    private final JdbcClient jdbc;

    ProgressUserData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(UUID userId) {
        jdbc.sql("delete from reading_progress where user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("delete from series_completion where user_id = :user")
                .param("user", userId)
                .update();
    }

    @Override
    public String section() {
        return "readingProgress";
    }

    @Override
    public Object export(UUID userId) {
        List<PostEntry> posts = jdbc.sql("""
                        select r.post_id, p.title, r.depth, r.seconds_spent, r.read, r.manual, r.read_at, r.first_seen_at, r.last_seen_at
                        from reading_progress r left join post p on p.id = r.post_id
                        where r.user_id = :user order by r.first_seen_at
                        """)
                .param("user", userId)
                .query((rs, n) -> new PostEntry(
                        rs.getObject("post_id", UUID.class),
                        rs.getString("title"),
                        rs.getDouble("depth"),
                        rs.getInt("seconds_spent"),
                        rs.getBoolean("read"),
                        rs.getBoolean("manual"),
                        rs.getTimestamp("read_at") == null
                                ? null
                                : rs.getTimestamp("read_at").toInstant(),
                        rs.getTimestamp("first_seen_at").toInstant(),
                        rs.getTimestamp("last_seen_at").toInstant()))
                .list();
        List<SeriesEntry> series = jdbc.sql("""
                        select c.series_id, s.title, c.completed_at from series_completion c left join series s on s.id = c.series_id
                        where c.user_id = :user order by c.completed_at
                        """)
                .param("user", userId)
                .query((rs, n) -> new SeriesEntry(
                        rs.getObject("series_id", UUID.class),
                        rs.getString("title"),
                        rs.getTimestamp("completed_at").toInstant()))
                .list();
        return new ProgressExport(posts, series);
    }

    record PostEntry(
            UUID postId,
            @Nullable String title,
            double depthPercent,
            int secondsSpent,
            boolean read,
            boolean markedByHand,
            @Nullable Instant readAt,
            Instant firstSeenAt,
            Instant lastSeenAt) {}

    record SeriesEntry(UUID seriesId, @Nullable String title, Instant completedAt) {}

    record ProgressExport(List<PostEntry> posts, List<SeriesEntry> completedSeries) {}
}
