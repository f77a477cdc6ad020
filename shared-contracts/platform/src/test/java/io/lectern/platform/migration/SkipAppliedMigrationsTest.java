package io.lectern.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.testsupport.TestInfrastructure;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The check against Flyway itself: Flyway applies migrations written with a byte order mark, CRLF
 * line breaks, non-ASCII text and a two-part version, and the check must then agree that they are all
 * applied (same versions, same checksums); any change Flyway would act on must make it answer "run".
 */
class SkipAppliedMigrationsTest {

    @TempDir
    Path classpath;

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final String schema =
            "migcheck_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private URLClassLoader loader;

    @BeforeEach
    void migrations() throws Exception {
        Path dir = Files.createDirectories(classpath.resolve("mig/sub"));
        Files.write(
                classpath.resolve("mig/V1__first.sql"),
                ("\uFEFF-- première migration\r\ncreate table a (id int);\r\n").getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("V1_1__second.sql"), "create table b (id int);\n\n-- ünïcode at the end");
        Files.writeString(
                classpath.resolve("mig/V2__third.sql"), "create table c (id int);\rinsert into c values (1);");
        loader = new URLClassLoader(
                new URL[] {classpath.toUri().toURL()}, getClass().getClassLoader());
        try (Connection admin = infra.admin(infra.database());
                Statement s = admin.createStatement()) {
            s.execute("create schema " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        loader.close();
        try (Connection admin = infra.admin(infra.database());
                Statement s = admin.createStatement()) {
            s.execute("drop schema " + schema + " cascade");
        }
    }

    @Test
    void agreesWithFlywayOnWhatIsApplied() throws Exception {
        assertThat(verdict().applied()).isFalse();
        assertThat(verdict().reason()).contains("no history table");

        flyway().migrate();
        AppliedMigrations.Verdict after = verdict();
        assertThat(after.applied()).as(after.reason()).isTrue();
        assertThat(after.count()).isEqualTo(3);
        assertThat(AppliedMigrations.packaged("classpath:mig", loader))
                .extracting(AppliedMigrations.Migration::version)
                .containsExactly("1", "1.1", "2");
    }

    @Test
    void aNewFileAChangedFileOrAFailedRowMeansFlywayRuns() throws Exception {
        flyway().migrate();

        Path added = Files.writeString(classpath.resolve("mig/V3__fourth.sql"), "create table d (id int);");
        assertThat(verdict().reason()).isEqualTo("V3__fourth.sql is not applied");
        Files.delete(added);
        assertThat(verdict().applied()).isTrue();

        Path second = classpath.resolve("mig/sub/V1_1__second.sql");
        String original = Files.readString(second);
        Files.writeString(second, original + " ");
        assertThat(verdict().reason()).isEqualTo("V1_1__second.sql differs from the applied version");
        Files.writeString(second, original);
        assertThat(verdict().applied()).isTrue();

        try (Connection admin = infra.admin(infra.database());
                Statement s = admin.createStatement()) {
            s.execute("update " + schema + ".flyway_schema_history set success = false where version = '2'");
        }
        assertThat(verdict().reason()).isEqualTo("version 2 failed");
    }

    @Test
    void switchesFlywayOffOnlyWhenEverythingIsApplied() throws Exception {
        assertThat(SkipAppliedMigrations.decide(environment(Map.of()), loader)).isEmpty();

        flyway().migrate();
        assertThat(SkipAppliedMigrations.decide(environment(Map.of()), loader))
                .containsExactly(Map.entry("spring.flyway.enabled", "false"));

        assertThat(SkipAppliedMigrations.decide(
                        environment(Map.of("lectern.migrations.skip-when-applied", "false")), loader))
                .isEmpty();
        assertThat(SkipAppliedMigrations.decide(
                        environment(Map.of(
                                "spring.datasource.url",
                                "jdbc:postgresql://127.0.0.1:1/" + infra.database() + "?connectTimeout=1")),
                        loader))
                .as("an unreachable database leaves Flyway on")
                .isEmpty();
    }

    /**
     * Spring AOT (ADR 0111): a generated context registers Boot's Flyway beans before the check runs. They
     * migrate an empty schema; once everything is applied they are replaced by empty beans of the same
     * names (a JDBC bean's generated depends-on names them), so no Flyway is built. During AOT processing
     * the check does not run at all, so the build never depends on a database it happens to reach.
     */
    @Test
    void aGeneratedContextBuildsFlywayOnlyWhileSomethingIsToMigrate() throws Exception {
        try (GenericApplicationContext first = generatedContext(Map.of())) {
            refreshGenerated(first);
            assertThat(first.getBean(SkipAppliedMigrations.FLYWAY_BEAN)).isInstanceOf(Flyway.class);
            assertThat(first.getBean(SkipAppliedMigrations.FLYWAY_INITIALIZER))
                    .isInstanceOf(FlywayMigrationInitializer.class);
        }
        assertThat(verdict().applied()).as("the generated Flyway migrated").isTrue();

        try (GenericApplicationContext next = generatedContext(Map.of())) {
            refreshGenerated(next);
            assertThat(next.getBean(SkipAppliedMigrations.FLYWAY_BEAN))
                    .isInstanceOf(SkipAppliedMigrations.NotMigrating.class);
            assertThat(next.getBean(SkipAppliedMigrations.FLYWAY_INITIALIZER))
                    .isInstanceOf(SkipAppliedMigrations.NotMigrating.class);
            assertThat(next.getBean("jdbc")).isEqualTo("ready");
            assertThat(next.getBeansOfType(Flyway.class)).isEmpty();
        }

        String processing = System.setProperty("spring.aot.processing", "true");
        try (GenericApplicationContext build = generatedContext(Map.of())) {
            refreshGenerated(build);
            assertThat(build.getBean(SkipAppliedMigrations.FLYWAY_BEAN))
                    .as("AOT processing keeps Flyway whatever the database holds")
                    .isInstanceOf(Flyway.class);
            assertThat(build.getEnvironment().getPropertySources().contains(SkipAppliedMigrations.SOURCE_NAME))
                    .isFalse();
        } finally {
            restore("spring.aot.processing", processing);
        }
    }

    @Test
    void flywaySwitchedOffByHandLeavesNoGeneratedFlyway() throws Exception {
        try (GenericApplicationContext context = generatedContext(Map.of("spring.flyway.enabled", "false"))) {
            refreshGenerated(context);
            assertThat(context.getBeansOfType(Flyway.class)).isEmpty();
            assertThat(context.getBean("jdbc")).isEqualTo("ready");
        }
        assertThat(verdict().applied()).as("nothing migrated").isFalse();
    }

    /** What a generated context holds of Flyway: its two beans and a JDBC bean that depends on them. */
    private GenericApplicationContext generatedContext(Map<String, String> overrides) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(environment(overrides));
        context.setClassLoader(loader);
        context.registerBeanDefinition(
                SkipAppliedMigrations.FLYWAY_BEAN, new RootBeanDefinition(Flyway.class, this::flyway));
        context.registerBeanDefinition(
                SkipAppliedMigrations.FLYWAY_INITIALIZER,
                new RootBeanDefinition(
                        FlywayMigrationInitializer.class,
                        () -> new FlywayMigrationInitializer(
                                context.getBean(SkipAppliedMigrations.FLYWAY_BEAN, Flyway.class))));
        RootBeanDefinition jdbc = new RootBeanDefinition(String.class, () -> "ready");
        jdbc.setDependsOn(SkipAppliedMigrations.FLYWAY_BEAN, SkipAppliedMigrations.FLYWAY_INITIALIZER);
        context.registerBeanDefinition("jdbc", jdbc);
        new SkipAppliedMigrations().initialize(context);
        return context;
    }

    /** Refreshes as an app started with {@code -Dspring.aot.enabled=true} would. */
    private static void refreshGenerated(GenericApplicationContext context) {
        String aot = System.setProperty("spring.aot.enabled", "true");
        try {
            context.refresh();
        } finally {
            restore("spring.aot.enabled", aot);
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, previous);
        }
    }

    private AppliedMigrations.Verdict verdict() throws Exception {
        try (Connection admin = infra.admin(infra.database())) {
            return AppliedMigrations.check(
                    admin, schema, "flyway_schema_history", AppliedMigrations.packaged("classpath:mig", loader));
        }
    }

    private Flyway flyway() {
        return Flyway.configure(loader)
                .dataSource(infra.jdbcUrl(), infra.adminUser(), infra.adminPassword())
                .schemas(schema)
                .locations("classpath:mig")
                .load();
    }

    private StandardEnvironment environment(Map<String, String> overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", infra.jdbcUrl());
        props.put("spring.datasource.username", infra.adminUser());
        props.put("spring.datasource.password", infra.adminPassword());
        props.put("spring.flyway.schemas", schema);
        props.put("spring.flyway.locations", "classpath:mig");
        props.putAll(overrides);
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        return env;
    }
}
