package io.lectern.content.config;

import io.lectern.content.analytics.AnalyticsProperties;
import io.lectern.content.comment.CommentProperties;
import io.lectern.content.feed.SiteProperties;
import io.lectern.content.markdown.MarkdownRenderer;
import io.lectern.content.messaging.IdentityEventHandlers;
import io.lectern.content.post.PostProperties;
import io.lectern.content.transfer.TransferProperties;
import io.lectern.content.upload.UploadProperties;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.eventbus.EventSubscriptions;
import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The content-service's single wiring point: properties, the renderer, scheduling and its lock. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@EnableConfigurationProperties({
    PostProperties.class,
    CommentProperties.class,
    UploadProperties.class,
    SiteProperties.class,
    AnalyticsProperties.class,
    TransferProperties.class
})
class ContentConfiguration {

    /** Every event content consumes; the handlers run in the bus's inbox transaction. */
    @Bean
    EventSubscriptions contentSubscriptions(IdentityEventHandlers identity) {
        return EventSubscriptions.builder()
                .on(UserRegistered.class, identity::onUserRegistered)
                .on(UserProfileChanged.class, identity::onUserProfileChanged)
                .on(UserDeleted.class, identity::onUserDeleted)
                .build();
    }

    /** UTC: analytics days and their salts roll over at midnight UTC on every instance alike. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MarkdownRenderer markdownRenderer() {
        return new MarkdownRenderer();
    }

    /** Locks use the database clock, so skew between instances cannot let two run a job at once. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
