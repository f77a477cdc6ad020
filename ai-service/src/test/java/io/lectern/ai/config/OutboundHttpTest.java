package io.lectern.ai.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboundHttpTest {

    @Test
    void theClientIsBuiltOnFirstUseAndThenShared() {
        OutboundHttp http = new OutboundHttp();
        assertThat(http.built()).isFalse();
        var first = http.client();
        assertThat(http.built()).isTrue();
        assertThat(http.client()).isSameAs(first);
        assertThat(first.connectTimeout())
                .hasValueSatisfying(t -> assertThat(t.toSeconds()).isEqualTo(2));
    }
}
