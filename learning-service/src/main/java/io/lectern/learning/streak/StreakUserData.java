package io.lectern.learning.streak;

import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Study days and the streak, for the export and the erasure. */
@Component
class StreakUserData implements UserDataEraser, UserDataExporter {

    private final JdbcClient jdbc;
    private final Activity activity;

    StreakUserData(JdbcClient jdbc, Activity activity) {
        this.jdbc = jdbc;
        this.activity = activity;
    }

    @Override
    public void erase(UUID userId) {
        jdbc.sql("delete from activity_day where user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("delete from streak where user_id = :user")
                .param("user", userId)
                .update();
    }

    @Override
    public String section() {
        return "streak";
    }

    @Override
    public Object export(UUID userId) {
        List<Activity.StudyDay> days = activity.calendar(userId, LocalDate.of(1970, 1, 1), LocalDate.of(9999, 12, 31));
        return new StreakExport(activity.status(userId), days);
    }

    record StreakExport(StreakStatus status, List<Activity.StudyDay> days) {}
}
