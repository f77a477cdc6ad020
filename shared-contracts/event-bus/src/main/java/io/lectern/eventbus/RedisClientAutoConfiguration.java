package io.lectern.eventbus;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The one Redis client of a service: Redisson, built here from the {@code spring.data.redis.*}
 * properties (host, port, username, password, database, ssl.enabled, timeout, connect-timeout).
 *
 * <p>Not Redisson's Spring Boot starter: the starter pulls in Spring Data Redis and, through it, Spring
 * Data's commons, mapping and repository scanning (about a thousand classes per JVM at start-up, none
 * of them used: every service talks to Redisson directly). docs/adr/0005.
 *
 * <p>Redisson's defaults (16 worker and 32 Netty threads) are sized for a big server; a service here
 * makes a handful of Redis calls at a time, and every thread costs memory on a small VPS. Likewise its
 * 24 connections opened at start-up and kept open: a service's busiest moment holds one blocking stream
 * read per producer it hears (at most six) and a few short calls, so it keeps 8
 * ({@code lectern.redis.connection-minimum-idle-size}) and opens more on demand, up to Redisson's 64
 * ({@code lectern.redis.connection-pool-size}); ADR 0110.
 * {@code lectern.redis.lazy-initialization=true} makes Redisson connect on first use instead of at
 * start-up: the image build's AOT-cache training run sets it (no Redis there).
 */
@AutoConfiguration
@ConditionalOnClass(Redisson.class)
public class RedisClientAutoConfiguration {

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean(RedissonClient.class)
    RedissonClient lecternRedisson(Environment env) {
        return Redisson.create(config(env));
    }

    static Config config(Environment env) {
        Config config = new Config();
        // Every call here names its codec (strings); without a default Redisson would build Kryo's for
        // nothing, and Kryo is not on the class path (root pom.xml, docs/adr/0005 item 11).
        config.setCodec(StringCodec.INSTANCE);
        config.setThreads(env.getProperty("lectern.redis.threads", Integer.class, 4))
                .setNettyThreads(env.getProperty("lectern.redis.netty-threads", Integer.class, 4))
                .setLazyInitialization(env.getProperty("lectern.redis.lazy-initialization", Boolean.class, false));
        boolean ssl = env.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false);
        String host = env.getProperty("spring.data.redis.host", "127.0.0.1");
        int port = env.getProperty("spring.data.redis.port", Integer.class, 6379);
        SingleServerConfig server = config.useSingleServer()
                .setAddress((ssl ? "rediss://" : "redis://") + host + ":" + port)
                .setDatabase(env.getProperty("spring.data.redis.database", Integer.class, 0))
                .setConnectionMinimumIdleSize(
                        env.getProperty("lectern.redis.connection-minimum-idle-size", Integer.class, 8))
                .setConnectionPoolSize(env.getProperty("lectern.redis.connection-pool-size", Integer.class, 64));
        String username = env.getProperty("spring.data.redis.username");
        if (username != null && !username.isBlank()) {
            config.setUsername(username);
        }
        String password = env.getProperty("spring.data.redis.password");
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        Duration timeout = duration(env, "spring.data.redis.timeout");
        if (timeout != null) {
            server.setTimeout((int) timeout.toMillis());
        }
        Duration connectTimeout = duration(env, "spring.data.redis.connect-timeout");
        if (connectTimeout != null) {
            server.setConnectTimeout((int) connectTimeout.toMillis());
        }
        return config;
    }

    /** "2s", "1500ms", "PT2S" or a number of milliseconds, as Spring Boot binds a Duration. */
    private static @Nullable Duration duration(Environment env, String name) {
        String value = env.getProperty(name);
        return value == null || value.isBlank() ? null : DurationStyle.detectAndParse(value.strip());
    }
}
