package io.lectern.learning.streak;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles streaks of users who stopped studying: uses their freezes on missed days or ends the streak
 * (publishing {@code StreakLost}) without waiting for their next activity. Candidates are found in UTC
 * terms (last day before today in UTC, which includes every zone's "yesterday or earlier"); each is then
 * settled precisely in the user's own zone.
 */
@Component
class StreakKeeper {

    private static final Logger log = LoggerFactory.getLogger(StreakKeeper.class);
    private static final int BATCH = 10_000;

    private final Activity activity;
    private final Clock clock;

    StreakKeeper(Activity activity, Clock clock) {
        this.activity = activity;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${lectern.learning.streak.settle-interval:15m}",
            initialDelayString = "${lectern.learning.streak.settle-interval:15m}")
    @SchedulerLock(name = "learning-streak-keeper")
    void run() {
        settleAll();
    }

    /** Settles every candidate as of the clock; returns how many were looked at. */
    int settleAll() {
        Instant now = clock.instant();
        LocalDate utcToday = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int seen = 0;
        for (UUID user : activity.possiblyMissed(utcToday, BATCH)) {
            try {
                activity.settle(user, now);
            } catch (RuntimeException e) {
                log.warn("Could not settle the streak of {}: {}", user, e.toString());
            }
            seen++;
        }
        log.debug("Looked at {} streaks", seen);
        return seen;
    }
}
