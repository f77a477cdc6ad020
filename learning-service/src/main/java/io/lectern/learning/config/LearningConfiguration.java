package io.lectern.learning.config;

import io.lectern.learning.ai.AiProperties;
import io.lectern.learning.badge.BadgeProperties;
import io.lectern.learning.certificate.CertificateProperties;
import io.lectern.learning.leaderboard.LeaderboardProperties;
import io.lectern.learning.note.NoteProperties;
import io.lectern.learning.paging.PagingProperties;
import io.lectern.learning.progress.ReadingProperties;
import io.lectern.learning.quiz.QuizProperties;
import io.lectern.learning.srs.SrsProperties;
import io.lectern.learning.streak.StreakProperties;
import io.lectern.learning.xp.XpProperties;
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

/** learning-service's composition root: properties, the clock, scheduling and its lock. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@EnableConfigurationProperties({
    XpProperties.class,
    BadgeProperties.class,
    StreakProperties.class,
    LeaderboardProperties.class,
    ReadingProperties.class,
    NoteProperties.class,
    PagingProperties.class,
    SrsProperties.class,
    AiProperties.class,
    QuizProperties.class,
    CertificateProperties.class
})
class LearningConfiguration {

    /** Study days are computed in each user's zone from this instant; tests replace it with a fixed clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
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
