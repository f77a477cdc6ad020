package io.lectern.learning.leaderboard;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A board: {@code ALL_TIME} or {@code WEEK} (weeks start Monday 00:00 in {@code weekZone}; {@code weekOf} is
 * that Monday), the entries asked for and the number of users on it.
 */
@Schema(name = "XpLeaderboard")
record LeaderboardResponse(String board, @Nullable LocalDate weekOf, String weekZone, long size, List<Entry> entries) {

    @Schema(name = "XpLeaderboardEntry")
    record Entry(
            long rank,
            UUID userId,
            String displayName,
            @Nullable String title,
            long xp,
            boolean you) {}
}
