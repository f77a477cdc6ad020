package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.identity.token.TokenMaintenanceJobs;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;

class TokenCleanupJobTest extends IdentityTestSupport {

    @Autowired
    TokenMaintenanceJobs jobs;

    private UUID expiredRefreshToken(UUID userId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)"
                        + " VALUES (:id, :u, :f, :h, now() - interval '1 minute')")
                .param("id", id)
                .param("u", userId)
                .param("f", UUID.randomUUID())
                .param("h", UUID.randomUUID().toString().getBytes())
                .update();
        return id;
    }

    private boolean exists(UUID refreshTokenId) {
        return jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE id = :id")
                        .param("id", refreshTokenId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    @Test
    void nightlyCleanupRunsOncePerPeriodUnderADatabaseTimedLock() throws Exception {
        Scheduled schedule =
                TokenMaintenanceJobs.class.getMethod("purgeExpiredTokens").getAnnotation(Scheduled.class);
        assertThat(schedule.cron()).isEqualTo("${lectern.identity.jobs.cleanup-cron:0 0 3 * * *}");
        assertThat(schedule.zone()).isEqualTo("UTC");

        String email = newEmail();
        UUID user = verifiedUser(email);
        String liveRefresh = login(email, PASSWORD).get("refreshToken").asString();
        UUID expired = expiredRefreshToken(user);
        jdbc.sql("UPDATE shedlock SET lock_until = now() - interval '1 second' WHERE name = 'identity-token-cleanup'")
                .update();

        jobs.purgeExpiredTokens();
        assertThat(exists(expired)).isFalse();
        // the used verification token of this user is kept for a day, live tokens stay
        assertThat(post("/api/v1/auth/refresh", java.util.Map.of("refreshToken", liveRefresh))
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT lock_until > timezone('utc', now()) + interval '4 minutes' FROM shedlock"
                                + " WHERE name = 'identity-token-cleanup'")
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // a second trigger in the same period (another instance, or a double fire) is skipped
        UUID second = expiredRefreshToken(user);
        jobs.purgeExpiredTokens();
        assertThat(exists(second)).isTrue();

        // next period: the lock has run out, the job runs again
        jdbc.sql(
                        "UPDATE shedlock SET lock_until = timezone('utc', now()) - interval '1 second' WHERE name = 'identity-token-cleanup'")
                .update();
        jobs.purgeExpiredTokens();
        assertThat(exists(second)).isFalse();
    }
}
