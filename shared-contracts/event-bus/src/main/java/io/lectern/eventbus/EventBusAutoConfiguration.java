package io.lectern.eventbus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.RedisClient;

/**
 * Durable domain events for any service with a DataSource and a RedisClient: the outbox publisher,
 * the relay, consumer groups for the service's {@link EventSubscriptions}, dead letters, trimming,
 * replay, metrics and (in servlet web services) the admin endpoints.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "io.lectern.eventbus.RedisClientAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass(RedisClient.class)
@ConditionalOnBean({DataSource.class, RedisClient.class, PlatformTransactionManager.class})
@ConditionalOnProperty(prefix = "lectern.events", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public class EventBusAutoConfiguration {

    static final String SCHEMA_APPLIED = "lectern.events.schema-applied";

    /** Marks that the bus's tables exist; everything touching them depends on it. */
    static final class Schema {
        private Schema() {}
    }

    @Bean
    BusIdentity lecternBusIdentity(EventBusProperties props, Environment env) {
        String schema = env.getRequiredProperty("lectern.service.schema");
        String group = env.getProperty("spring.application.name", schema);
        String instance = props.instanceId().isBlank() ? BusIdentity.defaultInstanceId() : props.instanceId();
        return new BusIdentity(props.namespace(), schema, group, instance);
    }

    @Bean
    Schema lecternEventBusSchema(
            DataSource dataSource,
            BusIdentity identity,
            ObjectProvider<FlywayMigrationInitializer> serviceFlyway,
            Environment env) {
        // The service's Flyway first: it refuses a non-empty schema that has no history table of its own.
        serviceFlyway.orderedStream().forEach(initializer -> {});
        // Set by the platform's SkipAppliedMigrations when every one of the bus's migrations is applied
        // already: then Flyway is not even loaded (ADR 0005, item 9).
        if (!env.getProperty(SCHEMA_APPLIED, Boolean.class, false)) {
            EventBusSchema.migrate(dataSource, identity.schema());
        }
        return new Schema();
    }

    @Bean
    EventBusMetrics lecternEventBusMetrics(ObjectProvider<MeterRegistry> registry) {
        return new EventBusMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean(EventPublisher.class)
    EventPublisher lecternEventPublisher(
            Schema schema, DataSource dataSource, BusIdentity identity, OutboxRelay relay) {
        return new OutboxEventPublisher(
                JdbcClient.create(dataSource), EventJson.mapper(), identity, Clock.systemUTC(), relay::wake);
    }

    @Bean
    OutboxRelay lecternOutboxRelay(
            Schema schema,
            DataSource dataSource,
            RedisClient redis,
            BusIdentity identity,
            EventBusProperties props,
            EventBusMetrics metrics) {
        return new OutboxRelay(dataSource, redis, identity, props.relay(), metrics);
    }

    @Bean
    InboxDispatcher lecternInboxDispatcher(
            Schema schema,
            ObjectProvider<EventSubscriptions> subscriptions,
            PlatformTransactionManager transactionManager,
            DataSource dataSource,
            BusIdentity identity,
            EventBusMetrics metrics) {
        return new InboxDispatcher(
                subscriptions.getIfAvailable(() -> EventSubscriptions.builder().build()),
                new TransactionTemplate(transactionManager),
                JdbcClient.create(dataSource),
                EventJson.mapper(),
                identity,
                metrics);
    }

    @Bean
    EventConsumers lecternEventConsumers(
            RedisClient redis,
            BusIdentity identity,
            EventBusProperties props,
            InboxDispatcher dispatcher,
            EventBusMetrics metrics,
            ObjectProvider<EventSubscriptions> subscriptions) {
        var producers = props.consumer().enabled()
                ? subscriptions
                        .getIfAvailable(() -> EventSubscriptions.builder().build())
                        .producers()
                : java.util.List.<String>of();
        return new EventConsumers(redis, identity, props.consumer(), dispatcher, metrics, producers);
    }

    @Bean
    DeadLetters lecternDeadLetters(
            RedisClient redis,
            BusIdentity identity,
            InboxDispatcher dispatcher,
            ObjectProvider<EventSubscriptions> subscriptions) {
        return new DeadLetters(
                redis,
                identity,
                subscriptions
                        .getIfAvailable(() -> EventSubscriptions.builder().build())
                        .producers(),
                dispatcher);
    }

    @Bean
    EventBusHousekeeping lecternEventBusHousekeeping(
            Schema schema,
            DataSource dataSource,
            RedisClient redis,
            BusIdentity identity,
            EventBusProperties props,
            OutboxRelay relay,
            EventBusMetrics metrics,
            DeadLetters deadLetters) {
        return new EventBusHousekeeping(
                JdbcClient.create(dataSource),
                redis,
                identity,
                props,
                relay,
                new StreamTrimmer(redis, identity, props.trim().abandonedGroupAfter()),
                metrics,
                deadLetters.producers());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(
            name = {
                "org.springframework.web.bind.annotation.RestController",
                "org.springframework.security.access.prepost.PreAuthorize"
            })
    static class AdminEndpoints {
        @Bean
        EventAdminController lecternEventAdminController(DeadLetters deadLetters, OutboxRelay relay) {
            return new EventAdminController(deadLetters, relay);
        }
    }
}
