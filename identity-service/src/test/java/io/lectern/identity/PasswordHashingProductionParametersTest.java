package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.identity.account.AccountProperties;
import io.lectern.identity.account.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The suite runs with cheap Argon2 settings (src/test/resources/config/application.yml); this checks
 * that the shipped configuration, bound exactly as the application binds it, hashes with OWASP's
 * Argon2id parameters (19 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte hash).
 */
class PasswordHashingProductionParametersTest {

    @Test
    void shippedConfigurationHashesWithOwaspArgon2idParameters() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        new PropertiesPropertySourceLoader()
                .load("shipped", new ClassPathResource("application.properties"))
                .forEach(env.getPropertySources()::addLast);
        assertThat(env.getProperty("lectern.identity.accounts.argon2.memory-kib"))
                .isEqualTo("19456");
        AccountProperties props = new Binder(ConfigurationPropertySources.get(env))
                .bindOrCreate("lectern.identity.accounts", AccountProperties.class);

        // one 19 MiB hash at a time in the shipped 64 MB heap (twelve at once ran it out of memory)
        assertThat(props.argon2().maxConcurrent()).isEqualTo(1);

        PasswordHasher hasher = new PasswordHasher(props.argon2());
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        String[] parts = hash.split("\\$");
        assertThat(java.util.Base64.getDecoder().decode(pad(parts[4]))).hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(pad(parts[5]))).hasSize(32);
        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.matches("wrong", hash)).isFalse();
        assertThat(hasher.matches("anything", null)).isFalse();
    }

    private static String pad(String b64) {
        return b64 + "=".repeat((4 - b64.length() % 4) % 4);
    }
}
