package io.lectern.identity.token;

import io.lectern.identity.account.Secrets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Opaque refresh tokens, rotated on every use. A family is one sign-in; each refresh spends the
 * presented token with a single conditional UPDATE (so of several concurrent refreshes exactly one
 * wins) and issues its successor in the same family. A spent token presented again means it was
 * copied: the whole family is revoked, since we cannot tell the thief from the owner.
 */
@Repository
public class RefreshTokens {

    private final JdbcClient jdbc;
    private final TokenProperties props;

    RefreshTokens(JdbcClient jdbc, TokenProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    public record Issued(String rawToken, UUID familyId, Instant expiresAt) {}

    public sealed interface Rotation {}

    public record Rotated(UUID userId, Issued next) implements Rotation {}

    /** The token was already spent: its family is now revoked. */
    public record Reused(UUID userId, UUID familyId) implements Rotation {}

    /** Unknown, expired or revoked. */
    public record Invalid() implements Rotation {}

    public Issued issue(UUID userId, @Nullable UUID familyId, @Nullable String userAgent, @Nullable String ip) {
        String raw = Secrets.newToken();
        UUID family = familyId == null ? UUID.randomUUID() : familyId;
        OffsetDateTime expires = OffsetDateTime.now().plus(props.refreshTokenTtl());
        jdbc.sql("""
                        INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, user_agent, ip_address)
                        VALUES (:id, :u, :f, :h, :x, :ua, :ip)
                        """)
                .param("id", UUID.randomUUID())
                .param("u", userId)
                .param("f", family)
                .param("h", Secrets.sha256(raw))
                .param("x", expires)
                .param("ua", userAgent == null ? null : truncate(userAgent, 200))
                .param("ip", ip)
                .update();
        return new Issued(raw, family, expires.toInstant());
    }

    /** Call inside a transaction: spending and issuing the successor commit together. */
    public Rotation rotate(String raw, @Nullable String userAgent, @Nullable String ip) {
        byte[] hash = Secrets.sha256(raw);
        Optional<Spent> spent = jdbc.sql("""
                        UPDATE refresh_tokens SET used_at = now()
                        WHERE token_hash = :h AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                        RETURNING user_id, family_id
                        """)
                .param("h", hash)
                .query((rs, n) -> new Spent(rs.getObject("user_id", UUID.class), rs.getObject("family_id", UUID.class)))
                .optional();
        if (spent.isPresent()) {
            return new Rotated(
                    spent.get().userId(),
                    issue(spent.get().userId(), spent.get().familyId(), userAgent, ip));
        }
        Optional<Spent> reused = jdbc.sql(
                        "SELECT user_id, family_id FROM refresh_tokens WHERE token_hash = :h AND used_at IS NOT NULL")
                .param("h", hash)
                .query((rs, n) -> new Spent(rs.getObject("user_id", UUID.class), rs.getObject("family_id", UUID.class)))
                .optional();
        if (reused.isPresent()) {
            revokeFamily(reused.get().familyId());
            return new Reused(reused.get().userId(), reused.get().familyId());
        }
        return new Invalid();
    }

    private record Spent(UUID userId, UUID familyId) {}

    public void revokeFamily(UUID familyId) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :f AND revoked_at IS NULL")
                .param("f", familyId)
                .update();
    }

    /** Revokes the family of the given token, if it is one of ours; for sign-out. */
    public void revokeFamilyOf(String raw) {
        jdbc.sql("""
                        UPDATE refresh_tokens SET revoked_at = now()
                        WHERE revoked_at IS NULL
                          AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :h)
                        """).param("h", Secrets.sha256(raw)).update();
    }

    public boolean revokeFamily(UUID userId, UUID familyId) {
        return jdbc.sql("""
                        UPDATE refresh_tokens SET revoked_at = now()
                        WHERE user_id = :u AND family_id = :f AND revoked_at IS NULL
                        """).param("u", userId).param("f", familyId).update() > 0;
    }

    public int revokeAll(UUID userId) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :u AND revoked_at IS NULL")
                .param("u", userId)
                .update();
    }

    /** One sign-in that can still be refreshed. */
    public record Session(
            UUID id,
            Instant signedInAt,
            Instant lastRefreshedAt,
            Instant expiresAt,
            @Nullable String userAgent,
            @Nullable String ipAddress) {}

    public List<Session> sessions(UUID userId) {
        return jdbc.sql("""
                        SELECT f.family_id, f.signed_in_at, t.created_at, t.expires_at, t.user_agent, t.ip_address
                        FROM refresh_tokens t
                        JOIN (SELECT family_id, min(created_at) AS signed_in_at FROM refresh_tokens
                              WHERE user_id = :u GROUP BY family_id) f ON f.family_id = t.family_id
                        WHERE t.user_id = :u AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()
                        ORDER BY t.created_at DESC
                        """)
                .param("u", userId)
                .query((rs, n) -> new Session(
                        rs.getObject("family_id", UUID.class),
                        rs.getObject("signed_in_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        rs.getString("user_agent"),
                        rs.getString("ip_address")))
                .list();
    }

    /**
     * Deletes tokens that can no longer be refreshed. A spent token is kept until it expires, so that
     * presenting it again is still recognised as reuse.
     */
    public int purgeExpired() {
        return jdbc.sql("""
                        DELETE FROM refresh_tokens
                        WHERE expires_at < now() OR revoked_at < now() - interval '1 day'
                        """).update();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
