package io.lectern.learning.badge;

import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counters and earned badges, for the export and the erasure. */
@Component
class BadgeUserData implements UserDataEraser, UserDataExporter {

    private final JdbcClient jdbc;
    private final Counters counters;

    BadgeUserData(JdbcClient jdbc, Counters counters) {
        this.jdbc = jdbc;
        this.counters = counters;
    }

    @Override
    public void erase(UUID userId) {
        jdbc.sql("delete from user_badge where user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("delete from learner_counter where user_id = :user")
                .param("user", userId)
                .update();
    }

    @Override
    public String section() {
        return "badges";
    }

    @Override
    public Object export(UUID userId) {
        List<Held> held = jdbc.sql("""
                        select badge_id, times, first_earned_at, last_earned_at from user_badge
                        where user_id = :user order by first_earned_at, badge_id
                        """)
                .param("user", userId)
                .query((rs, n) -> new Held(
                        rs.getString("badge_id"),
                        rs.getInt("times"),
                        rs.getTimestamp("first_earned_at").toInstant(),
                        rs.getTimestamp("last_earned_at").toInstant()))
                .list();
        return new BadgeExport(held, counters.all(userId));
    }

    record Held(String badgeId, int times, Instant firstEarnedAt, Instant lastEarnedAt) {}

    record BadgeExport(List<Held> earned, Map<String, Long> counters) {}
}
