package io.lectern.learning.challenge;

import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A user's challenge submissions in the learning export; erased with the user. */
@Component
class ChallengeUserData implements UserDataEraser, UserDataExporter {

    record Submission(LocalDate day, UUID challengeId, int attempt, boolean correct, Instant submittedAt) {}

    private final ChallengeStore store;
    private final JdbcClient jdbc;

    ChallengeUserData(ChallengeStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public void erase(UUID userId) {
        store.erase(userId);
    }

    @Override
    public String section() {
        return "challengeSubmissions";
    }

    @Override
    public Object export(UUID userId) {
        List<Submission> list = jdbc.sql(
                        "SELECT day, challenge_id, attempt_no, correct, submitted_at FROM challenge_submission"
                                + " WHERE user_id = :user ORDER BY submitted_at")
                .param("user", userId)
                .query((rs, n) -> new Submission(
                        rs.getObject("day", LocalDate.class),
                        rs.getObject("challenge_id", UUID.class),
                        rs.getInt("attempt_no"),
                        rs.getBoolean("correct"),
                        rs.getObject("submitted_at", OffsetDateTime.class).toInstant()))
                .list();
        return list;
    }
}
