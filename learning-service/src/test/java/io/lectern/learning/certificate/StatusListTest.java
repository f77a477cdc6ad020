package io.lectern.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class StatusListTest {

    @Test
    void encodesAsMultibaseBase64UrlOfGzipWithIndexZeroTheMostSignificantBit() throws Exception {
        StatusList list = StatusList.empty(StatusList.MIN_BITS);
        list.set(0, true);
        list.set(9, true);

        String encoded = list.encode();

        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        byte[] raw = new GZIPInputStream(
                        new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))
                .readAllBytes();
        assertThat(raw).hasSize(StatusList.MIN_BITS / 8);
        assertThat(raw[0]).isEqualTo((byte) 0x80);
        assertThat(raw[1]).isEqualTo((byte) 0x40);
    }

    @Test
    void decodingGivesBackTheSameBits() {
        StatusList list = StatusList.empty(StatusList.MIN_BITS);
        list.set(131_071, true);
        list.set(4242, true);
        list.set(4242, false);
        list.set(77, true);

        StatusList back = StatusList.decode(list.encode());

        assertThat(back.size()).isEqualTo(StatusList.MIN_BITS);
        assertThat(back.get(131_071)).isTrue();
        assertThat(back.get(77)).isTrue();
        assertThat(back.get(4242)).isFalse();
        assertThat(back.get(0)).isFalse();
    }

    @Test
    void refusesListsSmallerThanHerdPrivacyNeedsAndForeignEncodings() {
        assertThatThrownBy(() -> StatusList.empty(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusList.decode("zAbc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusList.decode("uAAAA")).isInstanceOf(IllegalArgumentException.class);
    }
}
