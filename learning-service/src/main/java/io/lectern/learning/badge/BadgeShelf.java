package io.lectern.learning.badge;

import io.lectern.learning.learner.Learners;
import io.lectern.learning.problem.LearningProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What a user sees of badges: earned ones, progress towards the rest, and the one picked as title. */
@Component
public class BadgeShelf {

    private final JdbcClient jdbc;
    private final Badges badges;
    private final Counters counters;
    private final Learners learners;

    BadgeShelf(JdbcClient jdbc, Badges badges, Counters counters, Learners learners) {
        this.jdbc = jdbc;
        this.badges = badges;
        this.counters = counters;
        this.learners = learners;
    }

    @Transactional(readOnly = true)
    public ShelfResponse shelf(UUID userId) {
        Map<String, Earned> earned = jdbc
                .sql("""
                        select badge_id, times, first_earned_at, last_earned_at from user_badge where user_id = :user
                        """)
                .param("user", userId)
                .query((rs, n) -> new Earned(
                        rs.getString("badge_id"),
                        rs.getInt("times"),
                        rs.getTimestamp("first_earned_at").toInstant(),
                        rs.getTimestamp("last_earned_at").toInstant()))
                .list()
                .stream()
                .collect(Collectors.toMap(Earned::badgeId, e -> e));
        Map<String, Long> values = counters.all(userId);
        List<BadgeItem> items = new ArrayList<>();
        for (BadgeDefinition d : badges.definitions()) {
            Earned e = earned.get(d.id());
            long value = values.getOrDefault(d.counter(), 0L);
            long target = d.repeatable() && e != null ? d.threshold() * (e.times() + 1L) : d.threshold();
            items.add(new BadgeItem(
                    d.id(),
                    d.name(),
                    d.description(),
                    d.tier().name(),
                    d.milestone(),
                    d.repeatable(),
                    e != null,
                    e == null ? 0 : e.times(),
                    e == null ? null : e.firstEarnedAt(),
                    Math.min(value, target),
                    target));
        }
        return new ShelfResponse(title(userId), items);
    }

    /** Picks an earned badge as the user's title ({@code null} clears it). */
    @Transactional
    public @Nullable String pickTitle(UUID userId, @Nullable String badgeId) {
        if (badgeId != null) {
            if (badges.definition(badgeId).isEmpty()) {
                throw LearningProblem.unknown("badgeId", "Badge " + badgeId);
            }
            learners.lock(userId);
            boolean held = jdbc.sql("select count(*) from user_badge where user_id = :user and badge_id = :badge")
                            .param("user", userId)
                            .param("badge", badgeId)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!held) {
                throw LearningProblem.conflict("badge-not-earned", "Only an earned badge can be your title.")
                        .with("field", "badgeId");
            }
        }
        jdbc.sql("""
                        insert into gamer_profile (user_id, title_badge) values (:user, :badge)
                        on conflict (user_id) do update set title_badge = excluded.title_badge
                        """).param("user", userId).param("badge", badgeId).update();
        return badgeId;
    }

    public @Nullable String title(UUID userId) {
        return jdbc.sql("select title_badge from gamer_profile where user_id = :user")
                .param("user", userId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Titles (badge names) of the given users, for boards. */
    public Map<UUID, String> titles(List<UUID> userIds) {
        Map<String, String> names =
                badges.definitions().stream().collect(Collectors.toMap(BadgeDefinition::id, BadgeDefinition::name));
        return jdbc
                .sql(
                        "select user_id, title_badge from gamer_profile where title_badge is not null and user_id = any(:ids)")
                .param("ids", userIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getString("title_badge")))
                .list()
                .stream()
                .filter(e -> names.containsKey(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> names.get(e.getValue())));
    }

    private record Earned(String badgeId, int times, Instant firstEarnedAt, Instant lastEarnedAt) {}

    /** One badge as the user sees it: earned or not, and progress ({@code current} of {@code target}). */
    public record BadgeItem(
            String id,
            String name,
            String description,
            String tier,
            boolean milestone,
            boolean repeatable,
            boolean earned,
            int times,
            @Nullable Instant earnedAt,
            long current,
            long target) {}

    public record ShelfResponse(@Nullable String title, List<BadgeItem> badges) {}
}
