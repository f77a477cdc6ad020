package io.lectern.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SealerTest {

    static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    final Sealer sealer = new Sealer(key());

    @Test
    void sealedValueUnsealsToTheSecretAndDoesNotContainIt() {
        String sealed = sealer.seal("email-verification", "raw-token-123");
        assertThat(sealed).doesNotContain("raw-token-123");
        assertThat(sealer.unseal("email-verification", sealed)).isEqualTo("raw-token-123");
    }

    @Test
    void derivedKeysAreStablePerPurposeAndDifferAcrossPurposesAndSealKeys() {
        byte[] k = key();
        byte[] cursor = new Sealer(k).derive("learning/paging-cursor");
        assertThat(cursor).hasSize(32).isEqualTo(new Sealer(k).derive("learning/paging-cursor"));
        assertThat(cursor).isNotEqualTo(new Sealer(k).derive("learning/srs-grade-link"));
        assertThat(cursor).isNotEqualTo(new Sealer(key()).derive("learning/paging-cursor"));
        assertThat(cursor).isNotEqualTo(k);
    }

    @Test
    void tamperedValueIsRefused() {
        String sealed = sealer.seal("ctx", "secret");
        char last = sealed.charAt(10);
        String tampered = sealed.substring(0, 10) + (last == 'A' ? 'B' : 'A') + sealed.substring(11);
        assertThatThrownBy(() -> sealer.unseal("ctx", tampered)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueSealedForOnePurposeCannotBeUsedForAnother() {
        String sealed = sealer.seal("email-verification", "secret");
        assertThatThrownBy(() -> sealer.unseal("password-reset", sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueSealedWithAnotherKeyIsRefused() {
        String sealed = new Sealer(key()).seal("ctx", "secret");
        assertThatThrownBy(() -> sealer.unseal("ctx", sealed)).isInstanceOf(IllegalArgumentException.class);
    }
}
