package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.mock.env.MockEnvironment;

/** The Redisson client is built from the same {@code spring.data.redis.*} properties the starter read. */
class RedisClientConfigTest {

    @Test
    void buildsTheSingleServerFromSpringDataRedisProperties() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.data.redis.host", "redis.internal")
                .withProperty("spring.data.redis.port", "6380")
                .withProperty("spring.data.redis.database", "2")
                .withProperty("spring.data.redis.username", "lectern")
                .withProperty("spring.data.redis.password", "s3cret")
                .withProperty("spring.data.redis.ssl.enabled", "true")
                .withProperty("spring.data.redis.timeout", "2s")
                .withProperty("spring.data.redis.connect-timeout", "1500ms")
                .withProperty("lectern.redis.threads", "3")
                .withProperty("lectern.redis.netty-threads", "5")
                .withProperty("lectern.redis.lazy-initialization", "true")
                .withProperty("lectern.redis.connection-minimum-idle-size", "2")
                .withProperty("lectern.redis.connection-pool-size", "16");

        Config config = RedisClientAutoConfiguration.config(env);

        assertThat(config.useSingleServer().getAddress()).isEqualTo("rediss://redis.internal:6380");
        assertThat(config.useSingleServer().getDatabase()).isEqualTo(2);
        assertThat(config.useSingleServer().getTimeout()).isEqualTo(2000);
        assertThat(config.useSingleServer().getConnectTimeout()).isEqualTo(1500);
        assertThat(config.getUsername()).isEqualTo("lectern");
        assertThat(config.getPassword()).isEqualTo("s3cret");
        assertThat(config.getThreads()).isEqualTo(3);
        assertThat(config.getNettyThreads()).isEqualTo(5);
        assertThat(config.isLazyInitialization()).isTrue();
        assertThat(config.useSingleServer().getConnectionMinimumIdleSize()).isEqualTo(2);
        assertThat(config.useSingleServer().getConnectionPoolSize()).isEqualTo(16);
    }

    @Test
    void defaultsToALocalRedisWithFewThreadsFewKeptConnectionsAndNoCredentials() {
        Config config = RedisClientAutoConfiguration.config(new MockEnvironment());

        assertThat(config.useSingleServer().getAddress()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(config.getPassword()).isNull();
        assertThat(config.getThreads()).isEqualTo(4);
        assertThat(config.getNettyThreads()).isEqualTo(4);
        assertThat(config.isLazyInitialization()).isFalse();
        // 8 kept open, not Redisson's 24; up to 64 on demand
        assertThat(config.useSingleServer().getConnectionMinimumIdleSize()).isEqualTo(8);
        assertThat(config.useSingleServer().getConnectionPoolSize()).isEqualTo(64);
        // strings by default: Kryo, Redisson's own default, is not on the class path
        assertThat(config.getCodec()).isSameAs(StringCodec.INSTANCE);
    }
}
