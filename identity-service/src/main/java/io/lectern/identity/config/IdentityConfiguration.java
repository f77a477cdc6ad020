package io.lectern.identity.config;

import io.lectern.contracts.events.billing.SubscriptionActivated;
import io.lectern.contracts.events.billing.SubscriptionCancelled;
import io.lectern.contracts.events.billing.SubscriptionChanged;
import io.lectern.eventbus.EventPublisher;
import io.lectern.eventbus.EventSubscriptions;
import io.lectern.identity.account.AccountProperties;
import io.lectern.identity.account.PasswordHasher;
import io.lectern.identity.account.Users;
import io.lectern.identity.admin.AdminBootstrap;
import io.lectern.identity.admin.AdminBootstrapProperties;
import io.lectern.identity.google.GoogleProperties;
import io.lectern.identity.messaging.BillingEvents;
import io.lectern.identity.token.AccessTokens;
import io.lectern.identity.token.TokenProperties;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The one wiring point of identity-service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    AccountProperties.class,
    TokenProperties.class,
    GoogleProperties.class,
    AdminBootstrapProperties.class
})
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class IdentityConfiguration {

    @Bean
    PasswordHasher passwordHasher(AccountProperties props) {
        return new PasswordHasher(props.argon2());
    }

    /**
     * Identity verifies tokens with its own key store in-process instead of fetching its own JWKS over
     * HTTP; it replaces the platform's JWKS-URI decoder (the claim checks stay the platform's).
     */
    @Bean
    JwtDecoder identityJwtDecoder(AccessTokens accessTokens) {
        return accessTokens.decoder();
    }

    @Bean
    EventSubscriptions identitySubscriptions(BillingEvents billing) {
        return EventSubscriptions.builder()
                .on(SubscriptionActivated.class, billing::onActivated)
                .on(SubscriptionChanged.class, billing::onChanged)
                .on(SubscriptionCancelled.class, billing::onCancelled)
                .build();
    }

    @Bean
    AdminBootstrap adminBootstrap(
            Users users, PasswordHasher hasher, EventPublisher events, PlatformTransactionManager transactions) {
        return new AdminBootstrap(users, hasher, events, new TransactionTemplate(transactions));
    }

    /**
     * {@code LECTERN_ADMIN_EMAIL} makes (or promotes) the first admin at start-up; with
     * {@code lectern.identity.admin.exit-after} the process stops once that is done (./lectern admin).
     */
    @Bean
    ApplicationRunner adminBootstrapRunner(
            AdminBootstrap bootstrap, AdminBootstrapProperties props, ConfigurableApplicationContext context) {
        return args -> {
            if (props.email().isBlank()) {
                return;
            }
            AdminBootstrap.Outcome outcome;
            try {
                outcome = bootstrap.ensureAdmin(props.email().trim(), props.password());
            } catch (RuntimeException e) {
                if (!props.exitAfter()) {
                    throw e;
                }
                System.err.println("lectern admin: " + e.getMessage());
                System.exit(SpringApplication.exit(context, () -> 1));
                return;
            }
            if (props.exitAfter()) {
                System.out.println("lectern admin: " + props.email().trim() + " "
                        + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                System.exit(SpringApplication.exit(context, () -> 0));
            }
        };
    }

    /** Locks live in identity.shedlock and are timed by the database clock, not the instances' clocks. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
