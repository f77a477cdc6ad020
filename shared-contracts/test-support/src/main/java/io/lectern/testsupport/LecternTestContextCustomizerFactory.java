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

    /** Fresh per test JVM: services refuse to start without secrets, and no secret is built in. */
    static final String TEST_SEAL_KEY = randomBase64(32);

    static final String TEST_NEWSLETTER_SECRET = randomBase64(32);

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.Base64.getEncoder().encodeToString(random);
    }

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
                            Map.ofEntries(
                                    Map.entry("LECTERN_DB_HOST", infra.pgHost()),
                                    Map.entry("LECTERN_DB_PORT", String.valueOf(infra.pgPort())),
                                    Map.entry("LECTERN_DB_NAME", infra.database()),
                                    Map.entry("LECTERN_REDIS_HOST", infra.redisHost()),
                                    Map.entry("LECTERN_REDIS_PORT", String.valueOf(infra.redisPort())),
                                    Map.entry("lectern.events.namespace", infra.namespace()),
                                    Map.entry("lectern.security.jwk-set-uri", tokens.jwkSetUri()),
                                    Map.entry("lectern.security.issuer", TestTokens.ISSUER),
                                    Map.entry("lectern.security.audience", TestTokens.AUDIENCE),
                                    Map.entry("LECTERN_SEAL_KEY", TEST_SEAL_KEY),
                                    Map.entry("LECTERN_NEWSLETTER_SECRET", TEST_NEWSLETTER_SECRET))));
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
