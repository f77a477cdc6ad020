package io.lectern.billing.config;

import com.stripe.StripeClient;
import io.lectern.billing.plan.PlanProperties;
import io.lectern.billing.stripe.StripeGateway;
import io.lectern.billing.stripe.StripeProperties;
import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The one wiring point of billing-service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PlanProperties.class, StripeProperties.class})
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class BillingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The Stripe provider is on only when both secrets are in the environment. Timeouts are short so a
     * slow Stripe turns into a 503 within a few seconds rather than a hung request.
     */
    @Bean
    StripeGateway stripeGateway(StripeProperties props) {
        if (!props.configured()) {
            if (!props.apiKey().isBlank() || !props.webhookSecret().isBlank()) {
                log.warn("Stripe is off: STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET must both be set");
            } else {
                log.info("Stripe is not configured: only manual grants are available");
            }
            return new StripeGateway(null, props);
        }
        StripeClient client = StripeClient.builder()
                .setApiKey(props.apiKey())
                .setApiBase(props.apiBase())
                .setConnectTimeout((int) props.connectTimeout().toMillis())
                .setReadTimeout((int) props.readTimeout().toMillis())
                .setMaxNetworkRetries(props.maxNetworkRetries())
                .build();
        return new StripeGateway(client, props);
    }

    /** Locks live in billing.shedlock and are timed by the database clock, not the instances' clocks. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
