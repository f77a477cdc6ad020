package io.lectern.identity.token;

import io.lectern.identity.account.EmailTokens;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly clean-up and key rotation. ShedLock (database time) makes each run happen on one instance;
 * both jobs are idempotent, so a run cut short is simply finished by the next one.
 */
@Component
public class TokenMaintenanceJobs {

    private static final Logger log = LoggerFactory.getLogger(TokenMaintenanceJobs.class);

    private final EmailTokens emailTokens;
    private final RefreshTokens refreshTokens;
    private final SigningKeys keys;

    TokenMaintenanceJobs(EmailTokens emailTokens, RefreshTokens refreshTokens, SigningKeys keys) {
        this.emailTokens = emailTokens;
        this.refreshTokens = refreshTokens;
        this.keys = keys;
    }

    public record Purged(int emailTokens, int refreshTokens, int signingKeys) {}

    @Scheduled(cron = "${lectern.identity.jobs.cleanup-cron:0 0 3 * * *}", zone = "UTC")
    @SchedulerLock(name = "identity-token-cleanup", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
    public void purgeExpiredTokens() {
        Purged p = new Purged(emailTokens.purgeSpent(), refreshTokens.purgeExpired(), keys.purgeExpired());
        log.info("Token clean-up: removed {}", p);
    }

    @Scheduled(cron = "${lectern.identity.jobs.key-rotation-cron:0 15 * * * *}", zone = "UTC")
    @SchedulerLock(name = "identity-key-rotation", lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    public void rotateKeysWhenDue() {
        if (keys.rotateIfDue()) {
            log.info("Scheduled signing key rotation done");
        }
    }
}
