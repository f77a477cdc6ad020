package io.lectern.content.post;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes due scheduled posts every minute. ShedLock (database clock) keeps it to one instance at a
 * time; the row locks in {@link PostService#publishDue()} would keep it correct even without it.
 */
@Component
public class ScheduledPublication {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublication.class);
    private final PostService posts;

    ScheduledPublication(PostService posts) {
        this.posts = posts;
    }

    @Scheduled(cron = "${lectern.content.posts.publish-cron:0 * * * * *}")
    @SchedulerLock(name = "content-publish-scheduled-posts", lockAtMostFor = "PT55S", lockAtLeastFor = "PT5S")
    public void publishDuePosts() {
        int published = posts.publishDue();
        if (published > 0) {
            log.info("Published {} scheduled post(s)", published);
        }
    }
}
