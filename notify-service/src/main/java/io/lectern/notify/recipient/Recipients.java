package io.lectern.notify.recipient;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recipient directory, a local copy of identity's user facts. Profile changes carry a version and
 * only a newer one is applied, so a redelivered or late event never rolls a preference back.
 */
@Repository
public class Recipients {

    private static final String COLUMNS =
            "user_id, email, display_name, locale, time_zone, email_verified, digest_opt_in, notification_emails_opt_in";

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Recipient> find(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recipient WHERE user_id = :id")
                .param("id", userId)
                .query(Recipients::map)
                .optional();
    }

    public void registered(UUID userId, String email, String displayName, String locale, String timeZone) {
        jdbc.sql("""
                        INSERT INTO recipient (user_id, email, display_name, locale, time_zone)
                        VALUES (:id, :email, :name, :locale, :tz)
                        ON CONFLICT (user_id) DO NOTHING
                        """)
                .param("id", userId)
                .param("email", email)
                .param("name", displayName)
                .param("locale", locale)
                .param("tz", timeZone)
                .update();
    }

    /** @return false when the user is unknown (no UserRegistered seen) or the version is not newer */
    public boolean profileChanged(
            UUID userId,
            String displayName,
            String locale,
            String timeZone,
            boolean digestOptIn,
            boolean notificationEmailsOptIn,
            long version) {
        return jdbc.sql("""
                        UPDATE recipient SET display_name = :name, locale = :locale, time_zone = :tz,
                               digest_opt_in = :digest, notification_emails_opt_in = :notify,
                               profile_version = :version, updated_at = now()
                         WHERE user_id = :id AND profile_version < :version
                        """)
                        .param("id", userId)
                        .param("name", displayName)
                        .param("locale", locale)
                        .param("tz", timeZone)
                        .param("digest", digestOptIn)
                        .param("notify", notificationEmailsOptIn)
                        .param("version", version)
                        .update()
                == 1;
    }

    public void emailVerified(UUID userId, String email) {
        jdbc.sql("UPDATE recipient SET email = :email, email_verified = true, updated_at = now() WHERE user_id = :id")
                .param("id", userId)
                .param("email", email)
                .update();
    }

    public void emailChanged(UUID userId, String newEmail) {
        jdbc.sql("UPDATE recipient SET email = :email, email_verified = true, updated_at = now() WHERE user_id = :id")
                .param("id", userId)
                .param("email", newEmail)
                .update();
    }

    /** @return false when the user is not known here yet */
    public boolean setDigestOptIn(UUID userId, boolean optIn) {
        return jdbc.sql("UPDATE recipient SET digest_opt_in = :optIn, updated_at = now() WHERE user_id = :id")
                        .param("id", userId)
                        .param("optIn", optIn)
                        .update()
                == 1;
    }

    /** Verified users who want the digest. */
    public List<Recipient> digestSubscribers() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recipient WHERE digest_opt_in AND email_verified ORDER BY user_id")
                .query(Recipients::map)
                .list();
    }

    public void delete(UUID userId) {
        jdbc.sql("DELETE FROM recipient WHERE user_id = :id")
                .param("id", userId)
                .update();
    }

    private static Recipient map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Recipient(
                rs.getObject("user_id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("locale"),
                rs.getString("time_zone"),
                rs.getBoolean("email_verified"),
                rs.getBoolean("digest_opt_in"),
                rs.getBoolean("notification_emails_opt_in"));
    }
}
