package io.lectern.learning.leaderboard;

import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gamification preferences and the user's places on the Redis boards, for the export and the erasure. */
@Component
class LeaderboardUserData implements UserDataEraser, UserDataExporter {

    private final JdbcClient jdbc;
    private final Leaderboards boards;

    LeaderboardUserData(JdbcClient jdbc, Leaderboards boards) {
        this.jdbc = jdbc;
        this.boards = boards;
    }

    @Override
    public void erase(UUID userId) {
        jdbc.sql("delete from gamer_profile where user_id = :user")
                .param("user", userId)
                .update();
        boards.remove(userId); // idempotent; a rebuild also skips deleted learners
    }

    @Override
    public String section() {
        return "gamificationProfile";
    }

    @Override
    public Object export(UUID userId) {
        return jdbc.sql("select title_badge, leaderboard_opt_out from gamer_profile where user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new ProfileExport(rs.getString("title_badge"), rs.getBoolean("leaderboard_opt_out")))
                .optional()
                .orElse(new ProfileExport(null, false));
    }

    record ProfileExport(@Nullable String titleBadge, boolean leaderboardOptOut) {}
}
