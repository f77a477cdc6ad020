package io.lectern.learning.streak;

import io.lectern.contracts.events.learning.StreakExtended;
import io.lectern.contracts.events.learning.StreakLost;
import io.lectern.eventbus.EventPublisher;
import io.lectern.learning.badge.Counters;
import io.lectern.learning.learner.Learners;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Study days and streaks. A day is a date in the user's own time zone at the moment of the activity
 * (so a daylight-saving day of 23 or 25 hours is one day). A change of zone neither breaks nor
 * double-counts a day: the last counted moment is re-read in the current zone and the later of the
 * two dates is taken as the last counted day. Missed days are covered by freezes (earned every
 * {@code freeze-every} consecutive days, at most {@code max-freezes} held) when there are enough of
 * them, otherwise the streak ends.
 */
@Component
public class Activity {

    private final JdbcClient jdbc;
    private final Learners learners;
    private final Counters counters;
    private final EventPublisher events;
    private final StreakProperties props;
    private final Clock clock;

    Activity(
            JdbcClient jdbc,
            Learners learners,
            Counters counters,
            EventPublisher events,
            StreakProperties props,
            Clock clock) {
        this.jdbc = jdbc;
        this.learners = learners;
        this.counters = counters;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    /**
     * Counts {@code at} as study for {@code userId}: marks the day active and extends the streak when it
     * is a new day. Idempotent per day. Joins the caller's transaction. Does nothing for a deleted user.
     */
    @Transactional
    public StreakStatus record(UUID userId, Instant at) {
        learners.lock(userId);
        ZoneId zone = learners.zoneOf(userId);
        if (learners.isDeleted(userId)) {
            return status(userId, zone, at);
        }
        LocalDate day = LocalDate.ofInstant(at, zone);
        jdbc.sql("""
                        insert into activity_day (user_id, day, kind, first_at) values (:user, :day, 'ACTIVE', :at)
                        on conflict (user_id, day) do update set kind = 'ACTIVE', first_at = least(activity_day.first_at, excluded.first_at)
                        """)
                .param("user", userId)
                .param("day", Date.valueOf(day))
                .param("at", Timestamp.from(at))
                .update();
        Row row = settle(userId, zone, at);
        LocalDate last = row.effectiveLast(zone);
        if (last != null && !day.isAfter(last)) {
            return status(userId, zone, at);
        }
        int current = row.current() + 1; // settle() ended the streak (current 0) if a day was missed
        int longest = Math.max(row.longest(), current);
        int freezes = row.freezes();
        if (current % props.freezeEvery() == 0) {
            freezes = Math.min(props.maxFreezes(), freezes + 1);
        }
        jdbc.sql("""
                        update streak set current_length = :current, longest = :longest, freezes = :freezes,
                            last_day = :day, last_at = :at, updated_at = now()
                        where user_id = :user
                        """)
                .param("current", current)
                .param("longest", longest)
                .param("freezes", freezes)
                .param("day", Date.valueOf(day))
                .param("at", Timestamp.from(at))
                .param("user", userId)
                .update();
        events.publish(userId.toString(), new StreakExtended(userId, current, longest, day, zone.getId(), freezes, at));
        counters.set(userId, "streak", current, at);
        counters.set(userId, "longest-streak", longest, at);
        return status(userId, zone, at);
    }

    /**
     * Applies what the days missed until {@code now} mean: covers them with freezes when the user holds
     * enough, ends the streak otherwise. Run by the keeper and before every activity; idempotent.
     */
    @Transactional
    public StreakStatus settle(UUID userId, Instant now) {
        learners.lock(userId);
        ZoneId zone = learners.zoneOf(userId);
        settle(userId, zone, now);
        return status(userId, zone, now);
    }

    /** The current streak as of the clock. */
    public StreakStatus status(UUID userId) {
        Instant now = clock.instant();
        return status(userId, learners.zoneOf(userId), now);
    }

    /** Study days (active or frozen) from {@code from} to {@code to} inclusive. */
    public List<StudyDay> calendar(UUID userId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select day, kind from activity_day where user_id = :user and day between :from and :to order by day
                        """)
                .param("user", userId)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> new StudyDay(rs.getDate("day").toLocalDate(), "FROZEN".equals(rs.getString("kind"))))
                .list();
    }

    /** Users whose streak is alive and whose last counted day is before {@code utcDate} (keeper candidates). */
    List<UUID> possiblyMissed(LocalDate utcDate, int limit) {
        return jdbc.sql("""
                        select user_id from streak where current_length > 0 and last_day < :day
                        order by last_day limit :limit
                        """)
                .param("day", Date.valueOf(utcDate))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    private Row settle(UUID userId, ZoneId zone, Instant now) {
        jdbc.sql("insert into streak (user_id) values (:user) on conflict (user_id) do nothing")
                .param("user", userId)
                .update();
        Row row = row(userId);
        LocalDate last = row.effectiveLast(zone);
        if (row.current() == 0 || last == null) {
            return row;
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        long missed = ChronoUnit.DAYS.between(last, today) - 1;
        if (missed <= 0) {
            return row;
        }
        if (missed <= row.freezes()) {
            for (LocalDate d = last.plusDays(1); d.isBefore(today); d = d.plusDays(1)) {
                jdbc.sql("""
                                insert into activity_day (user_id, day, kind, first_at) values (:user, :day, 'FROZEN', :at)
                                on conflict (user_id, day) do nothing
                                """)
                        .param("user", userId)
                        .param("day", Date.valueOf(d))
                        .param("at", Timestamp.from(now))
                        .update();
            }
            LocalDate covered = today.minusDays(1);
            jdbc.sql(
                            "update streak set freezes = freezes - :used, last_day = :day, updated_at = now() where user_id = :user")
                    .param("used", (int) missed)
                    .param("day", Date.valueOf(covered))
                    .param("user", userId)
                    .update();
            return row(userId);
        }
        jdbc.sql("update streak set current_length = 0, updated_at = now() where user_id = :user")
                .param("user", userId)
                .update();
        LocalDate missedDay = last.plusDays(1 + row.freezes());
        events.publish(userId.toString(), new StreakLost(userId, row.current(), missedDay, zone.getId(), now));
        counters.set(userId, "streak", 0, now);
        return row(userId);
    }

    private Row row(UUID userId) {
        return jdbc.sql("select current_length, longest, freezes, last_day, last_at from streak where user_id = :user")
                .param("user", userId)
                .query((rs, n) -> {
                    Date lastDay = rs.getDate("last_day");
                    Timestamp lastAt = rs.getTimestamp("last_at");
                    return new Row(
                            rs.getInt("current_length"),
                            rs.getInt("longest"),
                            rs.getInt("freezes"),
                            lastDay == null ? null : lastDay.toLocalDate(),
                            lastAt == null ? null : lastAt.toInstant());
                })
                .optional()
                .orElse(new Row(0, 0, 0, null, null));
    }

    private StreakStatus status(UUID userId, ZoneId zone, Instant now) {
        Row row = row(userId);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate last = row.effectiveLast(zone);
        int current = row.current();
        if (current > 0 && last != null && ChronoUnit.DAYS.between(last, today) - 1 > row.freezes()) {
            current = 0; // missed more days than freezes cover; the keeper will record the loss
        }
        boolean activeToday =
                jdbc.sql("select count(*) from activity_day where user_id = :user and day = :day and kind = 'ACTIVE'")
                                .param("user", userId)
                                .param("day", Date.valueOf(today))
                                .query(Long.class)
                                .single()
                        > 0;
        return new StreakStatus(current, row.longest(), row.freezes(), last, activeToday, today, zone.getId());
    }

    /** One day of the calendar: studied, or covered by a freeze. */
    public record StudyDay(LocalDate day, boolean frozen) {}

    private record Row(
            int current,
            int longest,
            int freezes,
            @Nullable LocalDate lastDay,
            @Nullable Instant lastAt) {

        /** The last counted day, seen from {@code zone}: the later of the stored date and the last moment's date there. */
        @Nullable
        LocalDate effectiveLast(ZoneId zone) {
            if (lastDay == null) {
                return null;
            }
            if (lastAt == null) {
                return lastDay;
            }
            LocalDate there = LocalDate.ofInstant(lastAt, zone);
            return there.isAfter(lastDay) ? there : lastDay;
        }
    }
}
