package io.lectern.identity.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token lifetimes and key rotation. A retired key stays published for {@code accessTokenTtl} plus
 * {@code publicationMargin}, long enough for every token it signed to expire and for other services'
 * JWKS caches to have seen its successor.
 */
@ConfigurationProperties("lectern.identity.tokens")
public record TokenProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("30d") Duration keyRotationInterval,
        @DefaultValue("10m") Duration publicationMargin,
        @DefaultValue("60s") Duration keyCacheRefresh,
        @DefaultValue("true") boolean secureCookie) {}
