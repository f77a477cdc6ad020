package io.lectern.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context of a module that depends on test-support at this run's own
 * database and Redis namespace. Registered in {@code META-INF/spring.factories}, so tests need no
 * annotation of their own.
 */
public final class LecternTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestInfrastructure infra = TestInfrastructure.get();
            TestTokens tokens = TestTokens.get();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "lecternTestInfrastructure",
                            Map.of(
                                    "LECTERN_DB_HOST", infra.pgHost(),
                                    "LECTERN_DB_PORT", String.valueOf(infra.pgPort()),
                                    "LECTERN_DB_NAME", infra.database(),
                                    "LECTERN_REDIS_HOST", infra.redisHost(),
                                    "LECTERN_REDIS_PORT", String.valueOf(infra.redisPort()),
                                    "lectern.events.namespace", infra.namespace(),
                                    "lectern.security.jwk-set-uri", tokens.jwkSetUri(),
                                    "lectern.security.issuer", TestTokens.ISSUER,
                                    "lectern.security.audience", TestTokens.AUDIENCE)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
