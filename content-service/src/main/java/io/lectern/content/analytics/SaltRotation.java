package io.lectern.content.analytics;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes past days' salts even when no view arrives to trigger it. Hourly rather than at midnight:
 * a view that computed its day just before midnight can still create yesterday's salt just after.
 */
@Component
public class SaltRotation {

    private final ViewSalts salts;

    SaltRotation(ViewSalts salts) {
        this.salts = salts;
    }

    @Scheduled(cron = "${lectern.content.analytics.salt-rotation-cron:0 0 * * * *}", zone = "UTC")
    @SchedulerLock(name = "content-rotate-view-salts", lockAtMostFor = "PT5M")
    public void rotate() {
        salts.deleteBefore(salts.today());
    }
}
