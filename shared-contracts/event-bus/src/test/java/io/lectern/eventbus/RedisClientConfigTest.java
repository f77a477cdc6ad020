package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.mock.env.MockEnvironment;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;

/** The Jedis client is built from the same {@code spring.data.redis.*} properties Spring Boot's starter reads. */
class RedisClientConfigTest {

    @Test
    void buildsTheClientFromSpringDataRedisProperties() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.application.name", "content-service")
                .withProperty("spring.data.redis.database", "2")
                .withProperty("spring.data.redis.username", "lectern")
                .withProperty("spring.data.redis.password", "s3cret")
                .withProperty("spring.data.redis.ssl.enabled", "true")
                .withProperty("spring.data.redis.timeout", "3s")
                .withProperty("spring.data.redis.connect-timeout", "1500ms")
                .withProperty("lectern.redis.blocking-timeout", "PT20S")
                .withProperty("lectern.redis.connection-pool-size", "16");

        DefaultJedisClientConfig client = RedisClientAutoConfiguration.clientConfig(env);
        ConnectionPoolConfig pool = RedisClientAutoConfiguration.poolConfig(env);

        assertThat(client.getDatabase()).isEqualTo(2);
        assertThat(client.getUser()).isEqualTo("lectern");
        assertThat(client.getPassword()).isEqualTo("s3cret");
        assertThat(client.isSsl()).isTrue();
        assertThat(client.getSocketTimeoutMillis()).isEqualTo(3000);
        assertThat(client.getConnectionTimeoutMillis()).isEqualTo(1500);
        assertThat(client.getBlockingSocketTimeoutMillis()).isEqualTo(20_000);
        assertThat(client.getClientName()).isEqualTo("content-service");
        assertThat(pool.getMaxTotal()).isEqualTo(16);
        assertThat(pool.getMaxIdle()).isEqualTo(16);
        assertThat(pool.getMaxWaitDuration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void defaultsToRespTwoNoCredentialsAndAPoolThatOpensOnDemand() {
        MockEnvironment env = new MockEnvironment();

        DefaultJedisClientConfig client = RedisClientAutoConfiguration.clientConfig(env);
        ConnectionPoolConfig pool = RedisClientAutoConfiguration.poolConfig(env);

        assertThat(client.getRedisProtocol()).isEqualTo(RedisProtocol.RESP2);
        assertThat(client.getDatabase()).isZero();
        assertThat(client.getUser()).isNull();
        assertThat(client.getPassword()).isNull();
        assertThat(client.isSsl()).isFalse();
        assertThat(client.getClientName()).isNull();
        // a blocking stream read that Redis never answers (a half-open connection) ends after a minute
        assertThat(client.getBlockingSocketTimeoutMillis()).isEqualTo(60_000);
        // nothing opened at start, up to 64 on demand, a caller waits at most 2 s for a free one
        assertThat(pool.getMinIdle()).isZero();
        assertThat(pool.getMaxTotal()).isEqualTo(64);
        assertThat(pool.getMaxWaitDuration()).isEqualTo(Duration.ofSeconds(2));
        // no MBean per pool: registering one starts the platform MBean server at start-up
        assertThat(pool.getJmxEnabled()).isFalse();
    }

    @Test
    void theClientBeanIsNamedSoThatNoAutoProxyCreatorInspectsIt() {
        // Spring's "original instance" convention holds only while the name is exactly the class name + suffix
        assertThat(RedisClientAutoConfiguration.BEAN_NAME)
                .isEqualTo(RedisClient.class.getName() + AutowireCapableBeanFactory.ORIGINAL_INSTANCE_SUFFIX);
    }
}
