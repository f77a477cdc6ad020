package io.lectern.learning.srs;

import io.lectern.learning.srs.fsrs.SchedulerSettings;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Per-user spaced-repetition settings; users who never changed them get the defaults. */
@Component
class SrsSettings {

    record Settings(double desiredRetention, int newPerDay, int maximumInterval, boolean inboxReview) {

        static final Settings DEFAULTS = new Settings(0.9, 20, 36500, false);

        SchedulerSettings scheduler(boolean fuzz) {
            return SchedulerSettings.defaults()
                    .withDesiredRetention(desiredRetention)
                    .withMaximumInterval(maximumInterval)
                    .withFuzz(fuzz);
        }
    }

    private final JdbcClient jdbc;

    SrsSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Settings of(UUID userId) {
        return jdbc.sql("""
                        select desired_retention, new_per_day, maximum_interval, inbox_review
                        from srs_settings where user_id = :user
                        """)
                .param("user", userId)
                .query((rs, n) -> new Settings(
                        rs.getDouble("desired_retention"),
                        rs.getInt("new_per_day"),
                        rs.getInt("maximum_interval"),
                        rs.getBoolean("inbox_review")))
                .optional()
                .orElse(Settings.DEFAULTS);
    }

    void save(UUID userId, Settings s) {
        jdbc.sql("""
                        insert into srs_settings (user_id, desired_retention, new_per_day, maximum_interval, inbox_review)
                        values (:user, :retention, :newPerDay, :max, :inbox)
                        on conflict (user_id) do update set desired_retention = excluded.desired_retention,
                            new_per_day = excluded.new_per_day, maximum_interval = excluded.maximum_interval,
                            inbox_review = excluded.inbox_review, updated_at = now()
                        """)
                .param("user", userId)
                .param("retention", s.desiredRetention())
                .param("newPerDay", s.newPerDay())
                .param("max", s.maximumInterval())
                .param("inbox", s.inboxReview())
                .update();
    }
}
