package io.lectern.identity.account;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use, expiring link tokens. The raw token is returned once, to be sealed into the event that
 * asks notify-service to send it; the table holds only its SHA-256.
 */
@Repository
public class EmailTokens {

    public enum Purpose {
        VERIFY_EMAIL("verify-email"),
        CHANGE_EMAIL("change-email"),
        RESET_PASSWORD("reset-password");

        final String column;

        Purpose(String column) {
            this.column = column;
        }

        static Purpose of(String column) {
            for (Purpose p : values()) {
                if (p.column.equals(column)) {
                    return p;
                }
            }
            throw new IllegalArgumentException(column);
        }
    }

    public record Issued(String rawToken, Instant expiresAt) {}

    public record Consumed(UUID userId, Purpose purpose, String email) {}

    private final JdbcClient jdbc;

    EmailTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a token and spends every earlier unused one of the same purpose: only the newest link works. */
    public Issued issue(UUID userId, Purpose purpose, String email, Duration ttl) {
        jdbc.sql("UPDATE email_tokens SET used_at = now() WHERE user_id = :u AND purpose = :p AND used_at IS NULL")
                .param("u", userId)
                .param("p", purpose.column)
                .update();
        String raw = Secrets.newToken();
        Instant expiresAt = Instant.now().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("""
                        INSERT INTO email_tokens (id, user_id, purpose, token_hash, email, expires_at)
                        VALUES (:id, :u, :p, :h, :e, :x)
                        """)
                .param("id", UUID.randomUUID())
                .param("u", userId)
                .param("p", purpose.column)
                .param("h", Secrets.sha256(raw))
                .param("e", email)
                .param("x", OffsetDateTime.ofInstant(expiresAt, java.time.ZoneOffset.UTC))
                .update();
        return new Issued(raw, expiresAt);
    }

    /**
     * Spends a token in one conditional update, so two clicks on one link cannot both succeed. Unknown,
     * expired, used and wrong-purpose tokens all come back empty: the caller gives one answer for all.
     */
    public Optional<Consumed> consume(String raw, Purpose... purposes) {
        String[] columns = new String[purposes.length];
        for (int i = 0; i < purposes.length; i++) {
            columns[i] = purposes[i].column;
        }
        return jdbc.sql("""
                        UPDATE email_tokens SET used_at = now()
                        WHERE token_hash = :h AND used_at IS NULL AND expires_at > now()
                          AND purpose = ANY (string_to_array(:purposes, ','))
                        RETURNING user_id, purpose, email
                        """)
                .param("h", Secrets.sha256(raw))
                .param("purposes", String.join(",", columns))
                .query((rs, n) -> new Consumed(
                        rs.getObject("user_id", UUID.class),
                        Purpose.of(rs.getString("purpose")),
                        rs.getString("email")))
                .optional();
    }

    /** Removes tokens that can no longer be used; returns how many. */
    public int purgeSpent() {
        return jdbc.sql("DELETE FROM email_tokens WHERE expires_at < now() OR used_at < now() - interval '1 day'")
                .update();
    }
}
