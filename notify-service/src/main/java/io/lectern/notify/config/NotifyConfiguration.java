package io.lectern.notify.config;

import io.lectern.notify.email.EmailRenderer;
import io.lectern.notify.email.EmailSender;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.ObjectMapper;

/** notify-service's composition root: properties, the e-mail sender, scheduling and its lock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class NotifyConfiguration {

    @Bean
    EmailSender emailSender(
            JdbcClient jdbc, JavaMailSender mail, EmailRenderer renderer, ObjectMapper json, NotifyProperties props) {
        return new EmailSender(jdbc, mail, renderer, json, props.sender(), props.from());
    }

    /** Database time, not the nodes' clocks, decides when a lock expires. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("notify.shedlock")
                .usingDbTime()
                .build());
    }
}
