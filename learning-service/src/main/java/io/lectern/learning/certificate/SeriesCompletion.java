package io.lectern.learning.certificate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a user completed a series (every published post read), as reading progress records it once per
 * user and series in {@code series_completion}. Read-only; the progress feature owns the table.
 */
@Component
class SeriesCompletion {

    private final JdbcClient jdbc;

    SeriesCompletion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> completedAt(UUID userId, UUID seriesId) {
        return jdbc.sql("SELECT completed_at FROM series_completion WHERE user_id = :user AND series_id = :series")
                .param("user", userId)
                .param("series", seriesId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }
}
