package io.lectern.learning.xp;

import io.lectern.contracts.events.learning.LevelReached;
import io.lectern.contracts.events.learning.XpAwarded;
import io.lectern.eventbus.EventPublisher;
import io.lectern.learning.badge.Counters;
import io.lectern.learning.leaderboard.Leaderboards;
import io.lectern.learning.learner.Learners;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The XP ledger: append-only, one row per award, unique per (user, rule, source key), so an event
 * delivered twice, two instances handling it at once or a double click award once. Totals, levels,
 * counters, badges, events and the leaderboards follow in the same transaction (the boards after it
 * commits).
 */
@Component
public class XpLedger {

    private final JdbcClient jdbc;
    private final XpProperties props;
    private final Levels levels;
    private final Learners learners;
    private final Counters counters;
    private final Leaderboards leaderboards;
    private final EventPublisher events;

    XpLedger(
            JdbcClient jdbc,
            XpProperties props,
            Learners learners,
            Counters counters,
            Leaderboards leaderboards,
            EventPublisher events) {
        this.jdbc = jdbc;
        this.props = props;
        this.levels = new Levels(props.levelStep());
        this.learners = learners;
        this.counters = counters;
        this.leaderboards = leaderboards;
        this.events = events;
    }

    /**
     * Awards the points configured for {@code rule} ({@code lectern.learning.xp.rules.<rule>}) once per
     * {@code (userId, rule, sourceKey)}. Joins the caller's transaction (or opens one), so the award
     * commits or rolls back with the caller's change. Also counts the award in the counter
     * {@code rule:<rule>} and sets {@code xp}, which badges are evaluated over.
     *
     * @param sourceKey what makes this award unique for the user: an event id, a post id, a quiz attempt id
     * @param at when the rewarded action happened (decides the leaderboard week)
     * @throws IllegalArgumentException for a rule that is not configured
     */
    @Transactional
    public AwardResult award(UUID userId, String rule, String sourceKey, Instant at) {
        Integer points = props.rules().get(rule);
        if (points == null) {
            throw new IllegalArgumentException("No XP rule '" + rule + "' in lectern.learning.xp.rules");
        }
        learners.lock(userId);
        if (learners.isDeleted(userId)) {
            return new AwardResult(false, 0, 0, 1);
        }
        boolean inserted = jdbc.sql("""
                        insert into xp_award (user_id, rule, source_key, points, awarded_at)
                        values (:user, :rule, :source, :points, :at)
                        on conflict on constraint xp_award_once do nothing
                        """)
                        .param("user", userId)
                        .param("rule", rule)
                        .param("source", sourceKey)
                        .param("points", points)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
        if (!inserted) {
            Totals now = totals(userId).orElse(new Totals(0, 1));
            return new AwardResult(false, 0, now.total(), now.level());
        }
        Totals before = totals(userId).orElse(new Totals(0, 1));
        long total = before.total() + points;
        int level = levels.levelFor(total);
        jdbc.sql("""
                        insert into xp_total (user_id, total, level) values (:user, :total, :level)
                        on conflict (user_id) do update set total = excluded.total, level = excluded.level, updated_at = now()
                        """)
                .param("user", userId)
                .param("total", total)
                .param("level", level)
                .update();
        events.publish(userId.toString(), new XpAwarded(userId, rule, sourceKey, points, total, level, at));
        if (level > before.level()) {
            events.publish(
                    userId.toString(),
                    new LevelReached(userId, level, before.level(), total, levels.thresholdOf(level + 1), at));
        }
        counters.add(userId, "rule:" + rule, 1, at);
        counters.set(userId, "xp", total, at);
        if (level != before.level()) {
            counters.set(userId, "level", level, at);
        }
        leaderboards.scoreChanged(userId, total, at);
        return new AwardResult(true, points, total, level);
    }

    /** The user's XP total, level and the next threshold. */
    public XpStanding standing(UUID userId) {
        Totals t = totals(userId).orElse(new Totals(0, 1));
        return new XpStanding(t.total(), t.level(), levels.thresholdOf(t.level()), levels.thresholdOf(t.level() + 1));
    }

    public Levels levels() {
        return levels;
    }

    /** Points a rule is worth, or empty when it is not configured. */
    public Optional<Integer> pointsFor(String rule) {
        return Optional.ofNullable(props.rules().get(rule));
    }

    private Optional<Totals> totals(UUID userId) {
        return jdbc.sql("select total, level from xp_total where user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new Totals(rs.getLong("total"), rs.getInt("level")))
                .optional();
    }

    private record Totals(long total, int level) {}
}
