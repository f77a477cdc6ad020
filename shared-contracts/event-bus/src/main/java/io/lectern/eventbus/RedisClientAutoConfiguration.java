package io.lectern.eventbus;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * The one Redis client of a service: Jedis's pooled {@link RedisClient}, built here from the
 * {@code spring.data.redis.*} properties (host, port, username, password, database, ssl.enabled,
 * timeout, connect-timeout).
 *
 * <p>Jedis, not Redisson: a blocking client on plain sockets, so a service loads no Netty and no
 * asynchronous machinery (about 1,300 classes and their threads, ADR 0112). Every Redis call here is
 * short or a bounded blocking read on a virtual or dedicated thread, which is what a blocking client
 * is for. Not Spring Data Redis either: it brings Spring Data's commons and repository scanning
 * (ADR 0005).
 *
 * <p>Connections are opened on demand, kept while in use and closed after a minute idle, never more
 * than {@code lectern.redis.connection-pool-size} (64): a service's busiest moment holds one blocking
 * stream read per producer it hears (at most six), a pub/sub subscription or two and a few short calls.
 * RESP2 is pinned: nothing here needs RESP3 (client-side caching), and it saves a HELLO per connection.
 */
@AutoConfiguration
@ConditionalOnClass(RedisClient.class)
public class RedisClientAutoConfiguration {

    static final String BEAN_NAME =
            "redis.clients.jedis.RedisClient" + AutowireCapableBeanFactory.ORIGINAL_INSTANCE_SUFFIX;

    /**
     * Longest a blocking read (a stream read's BLOCK, a pub/sub subscription) waits for anything from Redis
     * before the connection counts as dead. A subscriber that may stay quiet longer sends itself PINGs.
     */
    public static final String BLOCKING_TIMEOUT = "${lectern.redis.blocking-timeout:60s}";

    /**
     * Named by Spring's "original instance" convention (the class name + {@code .ORIGINAL}, see
     * {@code AutowireCapableBeanFactory.ORIGINAL_INSTANCE_SUFFIX}): the bean is used as is, never proxied.
     * Without it the auto-proxy creator matches every advisor (transactions, method annotations) against
     * each of the client's ~1,500 public methods and its 40-odd interfaces at start-up: a third of a second
     * of each service's start on this machine, to find nothing.
     */
    @Bean(name = BEAN_NAME, destroyMethod = "close")
    @ConditionalOnMissingBean(RedisClient.class)
    RedisClient lecternRedisClient(Environment env) {
        return RedisClient.builder()
                .hostAndPort(
                        env.getProperty("spring.data.redis.host", "127.0.0.1"),
                        env.getProperty("spring.data.redis.port", Integer.class, 6379))
                .clientConfig(clientConfig(env))
                .poolConfig(poolConfig(env))
                .build();
    }

    // ssl(boolean) is deprecated in favour of SslOptions (trust and key stores), which nothing here needs:
    // with ssl(true) and no SSLParameters of ours, Jedis uses the JVM's trust store and checks the server's
    // host name (endpoint identification "HTTPS"), as Redisson did for rediss://
    @SuppressWarnings("deprecation")
    static DefaultJedisClientConfig clientConfig(Environment env) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .resp2()
                .database(env.getProperty("spring.data.redis.database", Integer.class, 0))
                .ssl(env.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false))
                .blockingSocketTimeoutMillis((int) DurationStyle.detectAndParse(
                                env.resolvePlaceholders(BLOCKING_TIMEOUT).strip())
                        .toMillis());
        String name = env.getProperty("spring.application.name");
        if (name != null && !name.isBlank()) {
            // CLIENT LIST then says which service holds each connection
            config.clientName(name.strip());
        }
        String username = env.getProperty("spring.data.redis.username");
        if (username != null && !username.isBlank()) {
            config.user(username);
        }
        String password = env.getProperty("spring.data.redis.password");
        if (password != null && !password.isEmpty()) {
            config.password(password);
        }
        Duration timeout = duration(env, "spring.data.redis.timeout");
        if (timeout != null) {
            config.socketTimeoutMillis(millis(timeout, timeout));
        }
        Duration connectTimeout = duration(env, "spring.data.redis.connect-timeout");
        if (connectTimeout != null) {
            config.connectionTimeoutMillis(millis(connectTimeout, connectTimeout));
        }
        return config.build();
    }

    static ConnectionPoolConfig poolConfig(Environment env) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        int size = env.getProperty("lectern.redis.connection-pool-size", Integer.class, 64);
        pool.setMaxTotal(size);
        // kept while the service uses them; the pool's evictor closes those idle for a minute
        pool.setMaxIdle(size);
        pool.setMinIdle(0);
        // commons-pool registers every pool as a JMX MBean by default, which starts the platform MBean
        // server at start-up (Spring Boot leaves JMX off); the pool's figures are not read there
        pool.setJmxEnabled(false);
        // a caller waits this long for a free connection (all in use), then gets an error, not a hang
        Duration timeout = duration(env, "spring.data.redis.timeout");
        pool.setMaxWait(timeout == null ? Duration.ofSeconds(2) : timeout);
        return pool;
    }

    private static int millis(@Nullable Duration value, Duration fallback) {
        return (int) Math.min(Integer.MAX_VALUE, (value == null ? fallback : value).toMillis());
    }

    /** "2s", "1500ms", "PT2S" or a number of milliseconds, as Spring Boot binds a Duration. */
    private static @Nullable Duration duration(Environment env, String name) {
        String value = env.getProperty(name);
        return value == null || value.isBlank() ? null : DurationStyle.detectAndParse(value.strip());
    }
}
