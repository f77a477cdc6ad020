package io.lectern.identity.settings;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SettingsStore {

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Settings find(UUID userId) {
        return jdbc.sql("""
                        SELECT digest_opt_in, digest_frequency, newsletter_opt_in, notification_emails,
                               comment_reply_emails, theme, reading_font_size, code_theme, show_reading_progress
                        FROM user_settings WHERE user_id = :u
                        """)
                .param("u", userId)
                .query((rs, n) -> new Settings(
                        rs.getBoolean(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getString(8),
                        rs.getBoolean(9)))
                .optional()
                .orElse(Settings.DEFAULTS);
    }

    void save(UUID userId, Settings s) {
        jdbc.sql("""
                        INSERT INTO user_settings (user_id, digest_opt_in, digest_frequency, newsletter_opt_in,
                               notification_emails, comment_reply_emails, theme, reading_font_size, code_theme,
                               show_reading_progress, updated_at)
                        VALUES (:u, :d, :df, :n, :ne, :cr, :t, :fs, :ct, :rp, now())
                        ON CONFLICT (user_id) DO UPDATE SET digest_opt_in = EXCLUDED.digest_opt_in,
                               digest_frequency = EXCLUDED.digest_frequency,
                               newsletter_opt_in = EXCLUDED.newsletter_opt_in,
                               notification_emails = EXCLUDED.notification_emails,
                               comment_reply_emails = EXCLUDED.comment_reply_emails, theme = EXCLUDED.theme,
                               reading_font_size = EXCLUDED.reading_font_size, code_theme = EXCLUDED.code_theme,
                               show_reading_progress = EXCLUDED.show_reading_progress, updated_at = now()
                        """)
                .param("u", userId)
                .param("d", s.digestOptIn())
                .param("df", s.digestFrequency())
                .param("n", s.newsletterOptIn())
                .param("ne", s.notificationEmails())
                .param("cr", s.commentReplyEmails())
                .param("t", s.theme())
                .param("fs", s.readingFontSize())
                .param("ct", s.codeTheme())
                .param("rp", s.showReadingProgress())
                .update();
    }
}
