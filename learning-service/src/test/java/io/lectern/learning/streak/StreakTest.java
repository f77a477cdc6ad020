package io.lectern.learning.streak;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.learning.LearningIntegrationTest;
import io.lectern.learning.learner.Learners;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Study days in the user's own zone; instants are UTC, comments give the local time. */
class StreakTest extends LearningIntegrationTest {

    @Autowired
    Activity activity;

    @Autowired
    StreakKeeper keeper;

    @Autowired
    Learners learners;

    @Test
    void midnightInAucklandStartsANewDayWhileUtcIsStillOnTheSameDate() {
        UUID user = registeredUser("Pacific/Auckland");

        activity.record(user, Instant.parse("2026-03-02T10:30:00Z")); // Mon 2 Mar 23:30 NZDT
        StreakStatus after = activity.record(user, Instant.parse("2026-03-02T11:30:00Z")); // Tue 3 Mar 00:30 NZDT

        assertThat(after.current()).isEqualTo(2);
        assertThat(after.lastDay()).isEqualTo(LocalDate.parse("2026-03-03"));
    }

    @Test
    void newYorksShortSpringForwardDayIsOneDay() {
        UUID user = registeredUser("America/New_York");

        activity.record(user, Instant.parse("2026-03-08T05:30:00Z")); // Sun 8 Mar 00:30 EST
        StreakStatus sameDay = activity.record(user, Instant.parse("2026-03-09T03:30:00Z")); // Sun 8 Mar 23:30 EDT
        StreakStatus nextDay = activity.record(user, Instant.parse("2026-03-09T04:30:00Z")); // Mon 9 Mar 00:30 EDT

        assertThat(sameDay.current()).isEqualTo(1);
        assertThat(nextDay.current()).isEqualTo(2);
    }

    @Test
    void newYorksLongFallBackDayIsOneDayEvenTwentyFiveHoursApart() {
        UUID user = registeredUser("America/New_York");

        activity.record(user, Instant.parse("2026-11-01T04:30:00Z")); // Sun 1 Nov 00:30 EDT
        StreakStatus sameDay = activity.record(user, Instant.parse("2026-11-02T04:30:00Z")); // Sun 1 Nov 23:30 EST
        StreakStatus nextDay = activity.record(user, Instant.parse("2026-11-02T05:30:00Z")); // Mon 2 Nov 00:30 EST

        assertThat(sameDay.current()).isEqualTo(1);
        assertThat(nextDay.current()).isEqualTo(2);
        assertThat(count("select count(*) from activity_day where user_id = :user", user))
                .isEqualTo(2);
    }

    @Test
    void kolkatasHalfHourOffsetDecidesTheDay() {
        UUID user = registeredUser("Asia/Kolkata");

        activity.record(user, Instant.parse("2026-03-02T18:29:00Z")); // Mon 2 Mar 23:59 IST
        StreakStatus after = activity.record(user, Instant.parse("2026-03-02T18:31:00Z")); // Tue 3 Mar 00:01 IST

        assertThat(after.current()).isEqualTo(2);
    }

    @Test
    void movingEastMidStreakDoesNotBreakIt() {
        UUID user = registeredUser("America/New_York");
        activity.record(user, Instant.parse("2026-03-02T11:00:00Z")); // Mon 2 Mar 06:00 EST = Tue 3 Mar 00:00 NZDT

        moveTo(user, "Pacific/Auckland");
        StreakStatus after = activity.record(user, Instant.parse("2026-03-04T10:00:00Z")); // Wed 4 Mar 23:00 NZDT

        assertThat(after.current()).isEqualTo(2);
        assertThat(after.timeZone()).isEqualTo("Pacific/Auckland");
    }

    @Test
    void movingWestMidStreakDoesNotCountADayTwice() {
        UUID user = registeredUser("Pacific/Auckland");
        activity.record(user, Instant.parse("2026-03-02T19:00:00Z")); // Tue 3 Mar 08:00 NZDT = Mon 2 Mar 14:00 EST

        moveTo(user, "America/New_York");
        StreakStatus mondayAgain = activity.record(user, Instant.parse("2026-03-02T21:00:00Z")); // Mon 2 Mar 16:00 EST
        StreakStatus tuesday = activity.record(user, Instant.parse("2026-03-03T15:00:00Z")); // Tue 3 Mar 10:00 EST
        StreakStatus wednesday = activity.record(user, Instant.parse("2026-03-04T15:00:00Z")); // Wed 4 Mar 10:00 EST

        assertThat(mondayAgain.current()).isEqualTo(1);
        assertThat(tuesday.current()).isEqualTo(1);
        assertThat(wednesday.current()).isEqualTo(2);
    }

    @Test
    void aFreezeEarnedBySevenDaysCoversAMissedDayAndTheStreakGoesOn() {
        UUID user = registeredUser("UTC");
        Instant day1 = Instant.parse("2026-03-02T12:00:00Z");
        StreakStatus seven = null;
        for (int d = 0; d < 7; d++) {
            seven = activity.record(user, day1.plusSeconds(86_400L * d));
        }
        assertThat(seven.current()).isEqualTo(7);
        assertThat(seven.freezes()).isEqualTo(1);

        // 9 Mar missed; the keeper runs on 10 Mar
        clock.set(Instant.parse("2026-03-10T08:00:00Z"));
        try {
            keeper.settleAll();
        } finally {
            clock.reset();
        }
        StreakStatus tenth = activity.record(user, Instant.parse("2026-03-10T12:00:00Z"));

        assertThat(tenth.current()).isEqualTo(8);
        assertThat(tenth.freezes()).isZero();
        assertThat(count(
                        "select count(*) from activity_day where user_id = :user and kind = 'FROZEN' and day = date '2026-03-09'",
                        user))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from outbox where type = 'learning.streak-lost.v1' and aggregate_id = :user::text",
                        user))
                .isZero();
    }

    @Test
    void noFreezeIsUsedWhenNoDayWasMissed() {
        UUID user = registeredUser("UTC");
        Instant day1 = Instant.parse("2026-03-02T12:00:00Z");
        for (int d = 0; d < 9; d++) {
            activity.record(user, day1.plusSeconds(86_400L * d));
        }

        StreakStatus settled = activity.settle(user, Instant.parse("2026-03-11T08:00:00Z")); // 10 Mar was active

        assertThat(settled.current()).isEqualTo(9);
        assertThat(settled.freezes()).isEqualTo(1);
        assertThat(count("select count(*) from activity_day where user_id = :user and kind = 'FROZEN'", user))
                .isZero();
    }

    @Test
    void aMissedDayWithoutAFreezeEndsTheStreakAndPublishesStreakLost() {
        UUID user = registeredUser("UTC");
        activity.record(user, Instant.parse("2026-03-02T12:00:00Z"));
        activity.record(user, Instant.parse("2026-03-03T12:00:00Z"));

        StreakStatus lost = activity.settle(user, Instant.parse("2026-03-05T08:00:00Z")); // 4 Mar missed
        StreakStatus restarted = activity.record(user, Instant.parse("2026-03-05T09:00:00Z"));

        assertThat(lost.current()).isZero();
        assertThat(lost.longest()).isEqualTo(2);
        assertThat(restarted.current()).isEqualTo(1);
        assertThat(count(
                        "select count(*) from outbox where type = 'learning.streak-lost.v1' and aggregate_id = :user::text"
                                + " and payload->>'missedDay' = '2026-03-04'",
                        user))
                .isEqualTo(1);
    }

    @Test
    void theSevenDayMilestoneIsEarnedOnceAndKeptAfterTheStreakEnds() {
        UUID user = registeredUser("UTC");
        Instant day1 = Instant.parse("2026-03-02T12:00:00Z");
        for (int d = 0; d < 7; d++) {
            activity.record(user, day1.plusSeconds(86_400L * d));
        }
        activity.settle(user, Instant.parse("2026-03-20T08:00:00Z"));

        assertThat(count("select count(*) from user_badge where user_id = :user and badge_id = 'week-streak'", user))
                .isEqualTo(1);
    }

    private void moveTo(UUID user, String zone) {
        tx.executeWithoutResult(s ->
                learners.onProfileChanged(new UserProfileChanged(user, "Reader", null, "en", zone, false, false, 1)));
    }
}
