package io.lectern.learning.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Issued certificates (table {@code certificate}). */
@Component
class CertificateStore {

    record Row(
            UUID id,
            UUID userId,
            UUID seriesId,
            String seriesTitle,
            String holderName,
            Level level,
            int statusList,
            int statusIndex,
            String credential,
            Instant issuedAt,
            @Nullable Instant revokedAt,
            @Nullable String revokedReason) {}

    private static final String COLUMNS = "id, user_id, series_id, series_title, holder_name, level, status_list,"
            + " status_index, credential, issued_at, revoked_at, revoked_reason";

    private final JdbcClient jdbc;

    CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row r) {
        jdbc.sql("""
                        INSERT INTO certificate (id, user_id, series_id, series_title, holder_name, level, status_list,
                                                 status_index, credential, issued_at)
                        VALUES (:id, :user, :series, :title, :holder, :level, :list, :index, :credential, :issued)
                        """)
                .param("id", r.id())
                .param("user", r.userId())
                .param("series", r.seriesId())
                .param("title", r.seriesTitle())
                .param("holder", r.holderName())
                .param("level", r.level().name())
                .param("list", r.statusList())
                .param("index", r.statusIndex())
                .param("credential", r.credential())
                .param("issued", Timestamp.from(r.issuedAt()))
                .update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate WHERE id = :id")
                .param("id", id)
                .query(CertificateStore::row)
                .optional();
    }

    Optional<Row> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(CertificateStore::row)
                .optional();
    }

    Optional<Row> find(UUID userId, UUID seriesId, Level level) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM certificate WHERE user_id = :user AND series_id = :series AND level = :level")
                .param("user", userId)
                .param("series", seriesId)
                .param("level", level.name())
                .query(CertificateStore::row)
                .optional();
    }

    List<Row> forUser(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate WHERE user_id = :user ORDER BY issued_at DESC")
                .param("user", userId)
                .query(CertificateStore::row)
                .list();
    }

    void markRevoked(UUID id, Instant at, String reason, UUID by) {
        jdbc.sql("UPDATE certificate SET revoked_at = :at, revoked_reason = :reason, revoked_by = :by WHERE id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .param("by", by)
                .update();
    }

    int delete(UUID userId) {
        return jdbc.sql("DELETE FROM certificate WHERE user_id = :user")
                .param("user", userId)
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("series_id", UUID.class),
                rs.getString("series_title"),
                rs.getString("holder_name"),
                Level.valueOf(rs.getString("level")),
                rs.getInt("status_list"),
                rs.getInt("status_index"),
                rs.getString("credential"),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant(),
                rs.getString("revoked_reason"));
    }
}
