package io.lectern.learning.badge;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-user named counters that badges are judged on. Every change re-evaluates the badges declared on
 * that counter in the same transaction. Callers hold the user's lock ({@code Learners.lock}), as
 * {@code XpLedger} and {@code Activity} do.
 */
@Component
public class Counters {

    private final JdbcClient jdbc;
    private final Badges badges;

    Counters(JdbcClient jdbc, Badges badges) {
        this.jdbc = jdbc;
        this.badges = badges;
    }

    /** Adds {@code delta} (may be negative) and returns the new value. */
    public long add(UUID userId, String counter, long delta, Instant at) {
        long value = jdbc.sql("""
                        insert into learner_counter (user_id, counter, value) values (:user, :counter, :delta)
                        on conflict (user_id, counter) do update set value = learner_counter.value + excluded.value
                        returning value
                        """)
                .param("user", userId)
                .param("counter", counter)
                .param("delta", delta)
                .query(Long.class)
                .single();
        badges.evaluate(userId, counter, value, at);
        return value;
    }

    public void set(UUID userId, String counter, long value, Instant at) {
        jdbc.sql("""
                        insert into learner_counter (user_id, counter, value) values (:user, :counter, :value)
                        on conflict (user_id, counter) do update set value = excluded.value
                        """)
                .param("user", userId)
                .param("counter", counter)
                .param("value", value)
                .update();
        badges.evaluate(userId, counter, value, at);
    }

    public Map<String, Long> all(UUID userId) {
        return jdbc
                .sql("select counter, value from learner_counter where user_id = :user")
                .param("user", userId)
                .query((rs, n) -> Map.entry(rs.getString("counter"), rs.getLong("value")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
