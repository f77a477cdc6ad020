package io.lectern.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private Instant now = Instant.parse("2026-11-30T12:00:00Z");
    private final List<String> checked = new ArrayList<>();

    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    /** Verifies "good-<seconds to expiry>" tokens; anything else fails, as a bad signature would. */
    private final JwtDecoder delegate = token -> {
        checked.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        long ttl = Long.parseLong(token.substring(5));
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("u")
                .issuedAt(now)
                .expiresAt(now.plusSeconds(ttl))
                .build();
    };

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, Duration.ofSeconds(60), 3, clock);

    @Test
    void aVerifiedTokenIsCheckedOnceWithinAMinute() {
        assertThat(decoder.decode("good-900").getSubject()).isEqualTo("u");
        now = now.plusSeconds(59);
        decoder.decode("good-900");
        assertThat(checked).containsExactly("good-900");
        now = now.plusSeconds(2);
        decoder.decode("good-900");
        assertThat(checked).as("verified again after a minute").containsExactly("good-900", "good-900");
    }

    @Test
    void anEntryNeverOutlivesItsToken() {
        decoder.decode("good-10");
        now = now.plusSeconds(11);
        decoder.decode("good-10");
        assertThat(checked).as("after its expiry the delegate decides again").hasSize(2);
    }

    @Test
    void aTokenThatFailsIsCheckedEveryTime() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void theCacheIsBounded() {
        for (String t : List.of("good-100", "good-101", "good-102", "good-103")) {
            decoder.decode(t);
        }
        decoder.decode("good-100");
        assertThat(checked).as("the fourth token emptied the full map").hasSize(5);
    }
}
