package io.lectern.learning.badge;

import io.lectern.contracts.events.learning.BadgeEarned;
import io.lectern.eventbus.EventPublisher;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Grants and revokes the declared badges when a counter changes. A grant is an insert keyed by
 * (user, badge) (a repeatable one raises {@code times} only upwards), so it happens once even when
 * events race; only the statement that changed the row publishes {@code BadgeEarned}.
 */
@Component
public class Badges {

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final List<BadgeDefinition> definitions;
    private final Map<String, List<BadgeDefinition>> byCounter;

    Badges(JdbcClient jdbc, EventPublisher events, BadgeProperties props) {
        this.jdbc = jdbc;
        this.events = events;
        this.definitions = props.definitions();
        this.byCounter = definitions.stream().collect(Collectors.groupingBy(BadgeDefinition::counter));
    }

    public List<BadgeDefinition> definitions() {
        return definitions;
    }

    public Optional<BadgeDefinition> definition(String id) {
        return definitions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    void evaluate(UUID userId, String counter, long value, Instant at) {
        for (BadgeDefinition badge : byCounter.getOrDefault(counter, List.of())) {
            long times = badge.timesFor(value);
            if (times > 0) {
                grant(userId, badge, (int) Math.min(times, Integer.MAX_VALUE), at);
            } else if (badge.revocable()) {
                revoke(userId, badge.id());
            }
        }
    }

    private void grant(UUID userId, BadgeDefinition badge, int times, Instant at) {
        List<Integer> changed = jdbc.sql("""
                        insert into user_badge (user_id, badge_id, times, first_earned_at, last_earned_at)
                        values (:user, :badge, :times, :at, :at)
                        on conflict (user_id, badge_id) do update set times = excluded.times, last_earned_at = excluded.last_earned_at
                        where user_badge.times < excluded.times
                        returning times
                        """)
                .param("user", userId)
                .param("badge", badge.id())
                .param("times", times)
                .param("at", Timestamp.from(at))
                .query(Integer.class)
                .list();
        if (!changed.isEmpty()) {
            events.publish(
                    userId.toString(),
                    new BadgeEarned(
                            userId, badge.id(), badge.name(), badge.tier().name(), changed.getFirst(), at));
        }
    }

    private void revoke(UUID userId, String badgeId) {
        int removed = jdbc.sql("delete from user_badge where user_id = :user and badge_id = :badge")
                .param("user", userId)
                .param("badge", badgeId)
                .update();
        if (removed > 0) {
            jdbc.sql("update gamer_profile set title_badge = null where user_id = :user and title_badge = :badge")
                    .param("user", userId)
                    .param("badge", badgeId)
                    .update();
        }
    }
}
