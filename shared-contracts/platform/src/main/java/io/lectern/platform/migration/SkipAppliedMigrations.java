package io.lectern.platform.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Before the configuration is read: when the service's schema already holds every migration the jar
 * packages (its own under {@code spring.flyway.locations}, and the event bus's), Flyway is switched
 * off for this run ({@code spring.flyway.enabled=false}, {@value #EVENT_BUS_APPLIED}), so a restart or a
 * second instance never loads it. When anything is not applied, or the check cannot tell, nothing
 * changes and Flyway migrates and validates as always. Off with
 * {@code lectern.migrations.skip-when-applied=false}. ADR 0005, item 9.
 *
 * <p>The check runs as the first bean-factory post-processor of the refresh, not as an environment
 * post-processor: by then every initializer has finished the environment (a test's own database name
 * among them), and the auto-configuration conditions, Flyway's included, have not been evaluated yet.
 *
 * <p>With Spring AOT (ADR 0111) the bean definitions were fixed at build time and are registered before
 * this check: a service's generated context always holds Boot's Flyway beans, because the build must not
 * depend on the state of whatever database the build machine can reach (the check does not run during AOT
 * processing). When Flyway is off for this run (decided here, or {@code spring.flyway.enabled=false}
 * given), the check replaces those two definitions ({@value #FLYWAY_BEAN}, {@value #FLYWAY_INITIALIZER})
 * with empty beans of the same names, which the generated JDBC beans still name in their depends-on.
 */
public final class SkipAppliedMigrations implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Set to true when the event bus's own migrations are all applied; read by the event bus. */
    public static final String EVENT_BUS_APPLIED = "lectern.events.schema-applied";

    static final String ENABLED = "lectern.migrations.skip-when-applied";
    static final String SOURCE_NAME = "lecternAppliedMigrations";
    static final String EVENT_BUS_LOCATION = "db/event-bus";
    static final String EVENT_BUS_TABLE = "event_bus_schema_history";
    static final String FLYWAY_BEAN = "flyway";
    static final String FLYWAY_INITIALIZER = "flywayInitializer";
    private static final String AOT_PROCESSING = "spring.aot.processing";

    private static final Logger log = LoggerFactory.getLogger(SkipAppliedMigrations.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(new Check(context.getEnvironment(), context.getClassLoader()));
    }

    private record Check(ConfigurableEnvironment env, ClassLoader loader)
            implements BeanDefinitionRegistryPostProcessor, PriorityOrdered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            if (Boolean.getBoolean(AOT_PROCESSING)) {
                return; // build time: the generated context has to be able to migrate an empty schema
            }
            Map<String, Object> switches = decide(env, loader);
            if (!switches.isEmpty()) {
                env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, switches));
            }
            if (AotDetector.useGeneratedArtifacts() && !env.getProperty("spring.flyway.enabled", Boolean.class, true)) {
                withoutGeneratedFlyway(registry);
            }
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
    }

    /**
     * Replaces the Flyway beans a generated (Spring AOT) context registered with empty ones under the same
     * names, so nothing builds a {@code Flyway} while the generated depends-on of the JDBC beans still
     * resolve. Definitions that are not there (a context without AOT, where the condition on
     * {@code spring.flyway.enabled} already left them out) are left alone.
     */
    static void withoutGeneratedFlyway(BeanDefinitionRegistry registry) {
        for (String name : List.of(FLYWAY_BEAN, FLYWAY_INITIALIZER)) {
            if (registry.containsBeanDefinition(name)) {
                registry.removeBeanDefinition(name);
                registry.registerBeanDefinition(name, new RootBeanDefinition(NotMigrating.class, NotMigrating::new));
                log.debug("Generated bean {} replaced: Flyway is off for this run", name);
            }
        }
    }

    /** Stands in for Boot's Flyway beans in a generated context when nothing is to migrate. */
    public static final class NotMigrating {
        NotMigrating() {}
    }

    /**
     * The properties that switch off what is applied already ({@code spring.flyway.enabled=false},
     * {@value #EVENT_BUS_APPLIED}), empty when Flyway has to run or the check cannot tell. Reads the
     * database named by {@code env}; changes nothing.
     */
    public static Map<String, Object> decide(ConfigurableEnvironment env, ClassLoader loader) {
        if (!env.getProperty(ENABLED, Boolean.class, true)
                || !env.getProperty("spring.flyway.enabled", Boolean.class, true)) {
            return Map.of();
        }
        String url = env.getProperty("spring.datasource.url");
        String schema = firstOf(env.getProperty("spring.flyway.schemas"), env.getProperty("lectern.service.schema"));
        List<String> locations = split(env.getProperty("spring.flyway.locations", "classpath:db/migration"));
        if (url == null
                || !url.startsWith("jdbc:postgresql:")
                || schema == null
                || locations.stream().anyMatch(l -> !l.startsWith("classpath:"))) {
            return Map.of();
        }
        List<AppliedMigrations.Migration> own = new ArrayList<>();
        locations.forEach(location -> own.addAll(AppliedMigrations.packaged(location, loader)));
        List<AppliedMigrations.Migration> bus = AppliedMigrations.packaged(EVENT_BUS_LOCATION, loader);
        String table = env.getProperty("spring.flyway.table", "flyway_schema_history");

        Properties credentials = new Properties();
        credentials.setProperty("user", env.getProperty("spring.datasource.username", ""));
        credentials.setProperty("password", env.getProperty("spring.datasource.password", ""));
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("ApplicationName", "migration check");
        Map<String, Object> decided = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, credentials)) {
            AppliedMigrations.Verdict service = AppliedMigrations.check(connection, schema, table, own);
            if (service.applied()) {
                decided.put("spring.flyway.enabled", "false");
            }
            log.info(
                    "Schema {}: {} migrations packaged, {}; {}",
                    schema,
                    service.count(),
                    service.reason(),
                    service.applied() ? "Flyway is not started" : "Flyway runs");
            if (!bus.isEmpty()) {
                AppliedMigrations.Verdict events = AppliedMigrations.check(connection, schema, EVENT_BUS_TABLE, bus);
                if (events.applied()) {
                    decided.put(EVENT_BUS_APPLIED, "true");
                }
                log.info(
                        "Event bus tables in {}: {}; {}",
                        schema,
                        events.reason(),
                        events.applied() ? "their Flyway is not started" : "their Flyway runs");
            }
        } catch (SQLException e) {
            log.info(
                    "Could not compare the packaged migrations with schema {} ({}); Flyway runs",
                    schema,
                    e.getMessage());
            return Map.of();
        }
        return Map.copyOf(decided);
    }

    private static String firstOf(String list, String fallback) {
        List<String> values = split(list);
        return values.isEmpty() ? fallback : values.getFirst();
    }

    private static List<String> split(String list) {
        if (list == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
