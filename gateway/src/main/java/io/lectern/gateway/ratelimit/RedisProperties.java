package io.lectern.gateway.ratelimit;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the limiter's Redis is: the {@code spring.data.redis.*} properties every app of the platform
 * reads, with Spring Boot's defaults, bound here because the gateway talks to Lettuce directly (no
 * Spring Data Redis, ADR 0021). Only the standalone settings are read; {@code url}, sentinel, cluster
 * and pool settings are not (nothing sets them).
 *
 * @param timeout Lettuce's command timeout (Boot's default is Lettuce's own, 60 s); the limiter's
 *     own deadline ({@code lectern.gateway.rate-limit.redis-timeout}) is much shorter
 * @param connectTimeout one connect attempt; 1 s rather than Lettuce's 10 s so an unreachable Redis
 *     is noticed quickly
 */
@ConfigurationProperties("spring.data.redis")
public record RedisProperties(
        @DefaultValue("localhost") String host,
        @DefaultValue("6379") int port,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("0") int database,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue Ssl ssl) {

    public record Ssl(@DefaultValue("false") boolean enabled) {}

    /** As Spring Data Redis built it: credentials only with a password, the user name only beside one. */
    public RedisURI uri() {
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(host)
                .withPort(port)
                .withDatabase(database)
                .withTimeout(timeout)
                .withSsl(ssl.enabled());
        if (password != null && !password.isBlank()) {
            if (username != null && !username.isBlank()) {
                uri.withAuthentication(username, password);
            } else {
                uri.withPassword(password.toCharArray());
            }
        }
        return uri.build();
    }
}
