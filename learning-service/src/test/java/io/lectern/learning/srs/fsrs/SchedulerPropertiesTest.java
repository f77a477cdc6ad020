package io.lectern.learning.srs.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties over many random review histories (seeded, so a failure reproduces). */
class SchedulerPropertiesTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private final Fsrs fsrs = Fsrs.withDefaults();

    private record Sample(SchedulingState card, Instant at, long seed) {}

    /** Random cards: random ratings, each given at the due time or some days late. */
    private static List<Sample> randomCards(Scheduler scheduler, long seed, int count) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            long cardSeed = random.nextLong();
            SchedulingState card = SchedulingState.newCard(START);
            Instant now = START;
            int reviews = random.nextInt(12);
            for (int i = 0; i < reviews; i++) {
                Rating rating = Rating.values()[random.nextInt(4)];
                card = scheduler.review(card, rating, now, UTC, cardSeed).after();
                now = card.due().plus(Duration.ofHours(random.nextInt(24 * 5)));
            }
            samples.add(new Sample(card, now, cardSeed));
        }
        return samples;
    }

    @Test
    void aBetterRatingNeverGivesAnEarlierDueTimeAndReviewIntervalsStrictlyGrow() {
        for (boolean fuzz : new boolean[] {false, true}) {
            Scheduler scheduler =
                    new Scheduler(fsrs, SchedulerSettings.defaults().withFuzz(fuzz));
            for (Sample s : randomCards(scheduler, 7, 400)) {
                Map<Rating, ReviewOutcome> next = scheduler.preview(s.card(), s.at(), UTC, s.seed());
                Instant again = next.get(Rating.AGAIN).after().due();
                Instant hard = next.get(Rating.HARD).after().due();
                Instant good = next.get(Rating.GOOD).after().due();
                Instant easy = next.get(Rating.EASY).after().due();
                assertThat(again).isBeforeOrEqualTo(hard);
                assertThat(hard).isBeforeOrEqualTo(good);
                assertThat(good).isBeforeOrEqualTo(easy);
                int max = scheduler.settings().maximumInterval();
                if (s.card().state() == CardState.REVIEW
                        && next.get(Rating.EASY).after().scheduledDays() < max) {
                    assertThat(next.get(Rating.HARD).after().scheduledDays())
                            .isLessThan(next.get(Rating.GOOD).after().scheduledDays());
                    assertThat(next.get(Rating.GOOD).after().scheduledDays())
                            .isLessThan(next.get(Rating.EASY).after().scheduledDays());
                }
            }
        }
    }

    @Test
    void noIntervalExceedsTheMaximum() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            int maximum = 1 + random.nextInt(round < 10 ? 30 : 36500);
            Scheduler scheduler =
                    new Scheduler(fsrs, SchedulerSettings.defaults().withMaximumInterval(maximum));
            for (Sample s : randomCards(scheduler, round, 60)) {
                for (ReviewOutcome o :
                        scheduler.preview(s.card(), s.at(), UTC, s.seed()).values()) {
                    assertThat(o.after().scheduledDays()).isBetween(0, maximum);
                    assertThat(Duration.between(s.at(), o.after().due())).isLessThanOrEqualTo(Duration.ofDays(maximum));
                }
            }
        }
    }

    @Test
    void aHigherDesiredRetentionNeverGivesALongerInterval() {
        double[] retentions = {0.70, 0.75, 0.80, 0.85, 0.90, 0.93, 0.95, 0.97};
        for (boolean fuzz : new boolean[] {false, true}) {
            Scheduler base = new Scheduler(fsrs, SchedulerSettings.defaults().withFuzz(fuzz));
            for (Sample s : randomCards(base, 3, 300)) {
                for (Rating rating : Rating.values()) {
                    int previous = Integer.MAX_VALUE;
                    for (double retention : retentions) {
                        Scheduler scheduler =
                                new Scheduler(fsrs, base.settings().withDesiredRetention(retention));
                        int days = scheduler
                                .review(s.card(), rating, s.at(), UTC, s.seed())
                                .after()
                                .scheduledDays();
                        assertThat(days)
                                .as("retention %s rating %s", retention, rating)
                                .isLessThanOrEqualTo(previous);
                        previous = days;
                    }
                }
            }
        }
    }

    @Test
    void fuzzStaysInsideItsRangeIsDeterministicPerSeedAndSpreadsAcrossCards() {
        Scheduler plain = new Scheduler(fsrs, SchedulerSettings.defaults().withFuzz(false));
        Scheduler fuzzed = new Scheduler(fsrs, SchedulerSettings.defaults());
        for (Sample s : randomCards(plain, 5, 400)) {
            if (s.card().state() != CardState.REVIEW) {
                continue;
            }
            int elapsed = Scheduler.elapsedDays(s.card().lastReview(), s.at(), UTC);
            // Hard is the lowest rating leaving the steps, so nothing but fuzz moves its interval.
            int unfuzzed = plain.review(s.card(), Rating.HARD, s.at(), UTC, s.seed())
                    .after()
                    .scheduledDays();
            int days = fuzzed.review(s.card(), Rating.HARD, s.at(), UTC, s.seed())
                    .after()
                    .scheduledDays();
            if (unfuzzed < 3) {
                assertThat(days).isEqualTo(unfuzzed);
            } else {
                int[] range = fuzzed.fuzzRange(unfuzzed, elapsed);
                assertThat(days).isBetween(range[0], range[1]);
            }
            assertThat(fuzzed.review(s.card(), Rating.HARD, s.at(), UTC, s.seed())
                            .after()
                            .scheduledDays())
                    .isEqualTo(days);
        }
        assertThat(fuzzed.fuzzRange(100, 0)).containsExactly(93, 107);
        assertThat(fuzzed.fuzzRange(365, 0)).containsExactly(345, 385);
        assertThat(fuzzed.fuzzRange(3, 0)).containsExactly(2, 4);
        assertThat(fuzzed.fuzzRange(20, 0)).containsExactly(17, 23);

        SchedulingState card = new SchedulingState(
                CardState.REVIEW, 0, new MemoryState(100, 5), START, START.minus(Duration.ofDays(100)), 5, 0, 100);
        Set<Integer> seen = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            seen.add(fuzzed.review(card, Rating.GOOD, START, UTC, seed).after().scheduledDays());
        }
        assertThat(seen).hasSizeGreaterThan(5);
    }

    @Test
    void theSameDayIsTheLocalDateInTheLearnersZone() {
        Scheduler scheduler = new Scheduler(fsrs, SchedulerSettings.defaults().withFuzz(false));
        Instant first = Instant.parse("2026-03-01T07:50:00Z"); // 23:50 on 28 Feb in Los Angeles
        Instant second = Instant.parse("2026-03-01T08:10:00Z"); // 00:10 on 1 Mar in Los Angeles
        ZoneId la = ZoneId.of("America/Los_Angeles");
        SchedulingState learnt = scheduler
                .review(SchedulingState.newCard(first), Rating.GOOD, first, la, 1)
                .after();

        ReviewOutcome nextLocalDay = scheduler.review(learnt, Rating.GOOD, second, la, 1);
        ReviewOutcome sameUtcDay = scheduler.review(learnt, Rating.GOOD, second, UTC, 1);

        assertThat(nextLocalDay.elapsedDays()).isEqualTo(1);
        assertThat(sameUtcDay.elapsedDays()).isZero();
        assertThat(sameUtcDay.after().memory().stability()).isEqualTo(fsrs.shortTermStability(2.3065, Rating.GOOD));
        assertThat(nextLocalDay.after().memory().stability())
                .isEqualTo(fsrs.recallStability(
                        learnt.memory().difficulty(), 2.3065, fsrs.retrievability(1, 2.3065), Rating.GOOD));
    }

    @Test
    void tenEasyRatingsWithinOneSecondBringDifficultyToOne() {
        Scheduler scheduler = new Scheduler(fsrs, SchedulerSettings.defaults());
        SchedulingState card = SchedulingState.newCard(START);
        for (int i = 0; i < 10; i++) {
            card = scheduler
                    .review(card, Rating.EASY, START.plusMillis(100L * i), UTC, 3)
                    .after();
        }
        assertThat(card.memory().difficulty()).isEqualTo(1.0);
    }

    @Test
    void repeatedAgainOneDayLateNeverDropsStabilityBelowTheFloor() {
        Scheduler scheduler = new Scheduler(fsrs, SchedulerSettings.defaults());
        SchedulingState card = SchedulingState.newCard(START);
        Instant now = START;
        for (int i = 0; i < 100; i++) {
            card = scheduler.review(card, Rating.AGAIN, now, UTC, 9).after();
            assertThat(card.memory().stability()).isGreaterThanOrEqualTo(Fsrs.S_MIN);
            now = card.due().plus(Duration.ofDays(1));
        }
    }

    @Test
    void aStepIndexPastAShortenedStepListGraduatesOnGood() {
        Scheduler scheduler = new Scheduler(
                fsrs, new SchedulerSettings(0.9, 36500, List.of(Duration.ofMinutes(10)), List.of(), false, true));
        SchedulingState atStepThree =
                new SchedulingState(CardState.LEARNING, 3, new MemoryState(2.3065, 2.1181), START, START, 3, 0, 0);
        assertThat(scheduler
                        .review(atStepThree, Rating.GOOD, START, UTC, 1)
                        .after()
                        .state())
                .isEqualTo(CardState.REVIEW);
        assertThat(scheduler
                        .review(atStepThree, Rating.AGAIN, START, UTC, 1)
                        .after()
                        .state())
                .isEqualTo(CardState.LEARNING);
    }

    @Test
    void retrievabilityIsNinetyPercentAfterStabilityDaysAndZeroForANewCard() {
        Scheduler scheduler = new Scheduler(fsrs, SchedulerSettings.defaults());
        SchedulingState card =
                new SchedulingState(CardState.REVIEW, 0, new MemoryState(12.5, 5), START, START, 3, 0, 12);
        assertThat(scheduler.retrievability(card, START.plus(Duration.ofHours(300))))
                .isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(scheduler.retrievability(SchedulingState.newCard(START), START))
                .isZero();
    }

    @Test
    void settingsRefuseRetentionOutsideSeventyToNinetySevenPercentAndBadRatings() {
        assertThatThrownBy(() -> SchedulerSettings.defaults().withDesiredRetention(0.99))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchedulerSettings.defaults().withDesiredRetention(0.69))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rating.ofGrade(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rating.ofGrade(5)).isInstanceOf(IllegalArgumentException.class);
    }
}
