package io.lectern.identity.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table. Every method runs in the caller's transaction. */
@Repository
public class Users {

    static final String COLUMNS = "id, email, email_verified, password_hash, display_name, avatar_url, bio, time_zone,"
            + " locale, roles, tier, suspended, google_sub, referral_code, version, created_at";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(Users::map)
                .optional();
    }

    /** Locks the row, for changes that read-then-write (email change, suspension). */
    public Optional<UserAccount> lockById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Users::map)
                .optional();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email_normalized = :email")
                .param("email", Emails.normalize(email))
                .query(Users::map)
                .optional();
    }

    public Optional<UserAccount> lockByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email_normalized = :email FOR UPDATE")
                .param("email", Emails.normalize(email))
                .query(Users::map)
                .optional();
    }

    public Optional<UserAccount> findByGoogleSub(String sub) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE google_sub = :sub")
                .param("sub", sub)
                .query(Users::map)
                .optional();
    }

    public Optional<UserAccount> findByReferralCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE referral_code = :code")
                .param("code", code.trim().toUpperCase(java.util.Locale.ROOT))
                .query(Users::map)
                .optional();
    }

    /**
     * Inserts a new account unless the address is taken (then returns false, and the caller answers
     * as if it had worked: the response must not reveal which addresses exist).
     */
    public boolean insert(NewUser u) {
        return jdbc.sql("""
                        INSERT INTO users (id, email, email_normalized, email_verified, password_hash, display_name,
                                           time_zone, locale, google_sub, referral_code)
                        VALUES (:id, :email, :norm, :verified, :hash, :name, :tz, :locale, :sub, :code)
                        ON CONFLICT (email_normalized) DO NOTHING
                        """)
                        .param("id", u.id())
                        .param("email", u.email().trim())
                        .param("norm", Emails.normalize(u.email()))
                        .param("verified", u.emailVerified())
                        .param("hash", u.passwordHash())
                        .param("name", u.displayName())
                        .param("tz", u.timeZone())
                        .param("locale", u.locale())
                        .param("sub", u.googleSub())
                        .param("code", u.referralCode())
                        .update()
                == 1;
    }

    public record NewUser(
            UUID id,
            String email,
            boolean emailVerified,
            @Nullable String passwordHash,
            String displayName,
            String timeZone,
            String locale,
            @Nullable String googleSub,
            String referralCode) {}

    public void updatePassword(UUID id, @Nullable String hash) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id")
                .param("hash", hash)
                .param("id", id)
                .update();
    }

    public void replacePendingRegistration(UUID id, String hash, String displayName) {
        jdbc.sql("UPDATE users SET password_hash = :hash, display_name = :name, updated_at = now() WHERE id = :id")
                .param("hash", hash)
                .param("name", displayName)
                .param("id", id)
                .update();
    }

    /** Marks the address verified; true only for the call that changed it (first verification). */
    public boolean markVerified(UUID id) {
        return jdbc.sql(
                                "UPDATE users SET email_verified = true, updated_at = now() WHERE id = :id AND NOT email_verified")
                        .param("id", id)
                        .update()
                == 1;
    }

    public void changeEmail(UUID id, String email) {
        jdbc.sql("""
                        UPDATE users SET email = :email, email_normalized = :norm, email_verified = true,
                               version = version + 1, updated_at = now() WHERE id = :id
                        """)
                .param("email", email.trim())
                .param("norm", Emails.normalize(email))
                .param("id", id)
                .update();
    }

    public void linkGoogle(UUID id, String sub, boolean dropPassword) {
        jdbc.sql("""
                        UPDATE users SET google_sub = :sub, email_verified = true,
                               password_hash = CASE WHEN :drop THEN NULL ELSE password_hash END,
                               updated_at = now() WHERE id = :id
                        """)
                .param("sub", sub)
                .param("drop", dropPassword)
                .param("id", id)
                .update();
    }

    /** Applies profile fields and returns the new version. */
    public long updateProfile(
            UUID id,
            String displayName,
            @Nullable String avatarUrl,
            @Nullable String bio,
            String timeZone,
            String locale) {
        return jdbc.sql("""
                        UPDATE users SET display_name = :name, avatar_url = :avatar, bio = :bio, time_zone = :tz,
                               locale = :locale, version = version + 1, updated_at = now()
                        WHERE id = :id RETURNING version
                        """)
                .param("name", displayName)
                .param("avatar", avatarUrl)
                .param("bio", bio)
                .param("tz", timeZone)
                .param("locale", locale)
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** Bumps the version for a change made elsewhere (settings) that other services copy. */
    public long bumpVersion(UUID id) {
        return jdbc.sql("UPDATE users SET version = version + 1, updated_at = now() WHERE id = :id RETURNING version")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    public long setRoles(UUID id, List<String> roles) {
        return jdbc.sql("""
                        UPDATE users SET roles = string_to_array(:roles, ','), version = version + 1, updated_at = now()
                        WHERE id = :id RETURNING version
                        """)
                .param("roles", String.join(",", roles))
                .param("id", id)
                .query(Long.class)
                .single();
    }

    public long setSuspended(UUID id, boolean suspended) {
        return jdbc.sql("""
                        UPDATE users SET suspended = :s, version = version + 1, updated_at = now()
                        WHERE id = :id RETURNING version
                        """)
                .param("s", suspended)
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /**
     * Sets the tier from a billing event unless a newer one was applied already: events may arrive
     * late or twice, and the version makes both harmless.
     */
    public boolean applyTier(UUID id, String tier, long version) {
        return jdbc.sql("""
                        UPDATE users SET tier = :tier, tier_version = :v, updated_at = now()
                        WHERE id = :id AND tier_version < :v
                        """)
                        .param("tier", tier)
                        .param("v", version)
                        .param("id", id)
                        .update()
                == 1;
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM users WHERE id = :id").param("id", id).update();
    }

    public List<UserAccount> search(String query, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM users WHERE :q = '' OR email_normalized LIKE :like OR lower(display_name) LIKE :like"
                        + " ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .param("q", query)
                .param("like", like(query))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(Users::map)
                .list();
    }

    public long count(String query) {
        return jdbc.sql("SELECT count(*) FROM users"
                        + " WHERE :q = '' OR email_normalized LIKE :like OR lower(display_name) LIKE :like")
                .param("q", query)
                .param("like", like(query))
                .query(Long.class)
                .single();
    }

    private static String like(String query) {
        String escaped = query.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        return new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getBoolean("email_verified"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                rs.getString("avatar_url"),
                rs.getString("bio"),
                rs.getString("time_zone"),
                rs.getString("locale"),
                Arrays.asList((String[]) roles.getArray()),
                rs.getString("tier"),
                rs.getBoolean("suspended"),
                rs.getString("google_sub"),
                rs.getString("referral_code"),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
