package io.lectern.learning.streak;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A user's streak as of now: {@code current} consecutive study days (freeze-covered days keep it alive
 * without adding to it), the longest ever, the freezes held, the last counted day and whether today
 * (in {@code timeZone}) already counts.
 */
public record StreakStatus(
        int current,
        int longest,
        int freezes,
        @Nullable LocalDate lastDay,
        boolean activeToday,
        LocalDate today,
        String timeZone) {}
