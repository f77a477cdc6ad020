package io.lectern.notify.digest;

import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Triggers {@link DigestRun} on every instance; ShedLock (database time) lets one of them run at a
 * time so instances do not race for the same users. ShedLock is not what makes the digest
 * once-only: {@code digest_sent}'s unique key is, so the job may safely run again or concurrently.
 */
@Component
public class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final DigestRun run;

    DigestJob(DigestRun run) {
        this.run = run;
    }

    @Scheduled(cron = "${lectern.notify.digest.cron:0 */15 * * * *}", zone = "UTC")
    @SchedulerLock(name = "notify-daily-digest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
    public void runNow() {
        int queued = run.runAt(Instant.now());
        if (queued > 0) {
            log.info("queued {} digest e-mails", queued);
        }
    }
}
