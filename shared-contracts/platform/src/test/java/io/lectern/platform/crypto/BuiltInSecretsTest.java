package io.lectern.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BuiltInSecretsTest {

    @Test
    void missingSecretIsRefusedWithTheSettingNameAndHowToMakeOne() {
        assertThatThrownBy(() -> BuiltInSecrets.require("LECTERN_SEAL_KEY", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LECTERN_SEAL_KEY is not set")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void everySecretOncePublishedInTheSourceIsRefused() {
        for (String published : BuiltInSecrets.PUBLISHED) {
            assertThatThrownBy(() -> BuiltInSecrets.require("X", published))
                    .hasMessageContaining("published in the Lectern source code");
        }
        assertThat(BuiltInSecrets.PUBLISHED).contains("bGVjdGVybi1sb2NhbC1kZXYtc2VhbC1rZXktMzJieXQ=");
    }

    @Test
    void shortSecretIsRefusedAndAGeneratedOneIsAccepted() {
        assertThatThrownBy(() -> BuiltInSecrets.require("X", "short")).hasMessageContaining("shorter than");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getEncoder().encodeToString(random);
        assertThat(BuiltInSecrets.require("X", generated)).isEqualTo(generated);
    }
}
