package io.lectern.notify.newsletter;

import io.lectern.notify.config.NotifyProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Moves pending issue deliveries into the e-mail queue, one batch per tick, until none are left. */
@Component
class NewsletterBatcher {

    private final NewsletterIssues issues;
    private final int batchSize;

    NewsletterBatcher(NewsletterIssues issues, NotifyProperties props) {
        this.issues = issues;
        this.batchSize = props.newsletter().batchSize();
    }

    @Scheduled(fixedDelayString = "${lectern.notify.newsletter.batch-interval:5s}")
    void tick() {
        issues.queueBatch(batchSize);
    }
}
