package io.lectern.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The limiter's Redis comes from the same {@code spring.data.redis.*} settings Spring Boot read. */
class RedisPropertiesTest {

    static RedisProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("spring.data.redis", RedisProperties.class);
    }

    static RedisCredentials credentials(RedisURI uri) {
        return uri.getCredentialsProvider().resolveCredentials().block();
    }

    @Test
    void defaultsAreSpringBootsWithAOneSecondConnectTimeout() {
        RedisProperties props = bind(Map.of());
        RedisURI uri = props.uri();
        assertThat(uri.getHost()).isEqualTo("localhost");
        assertThat(uri.getPort()).isEqualTo(6379);
        assertThat(uri.getDatabase()).isZero();
        assertThat(uri.isSsl()).isFalse();
        assertThat(uri.getTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(credentials(uri).hasPassword()).isFalse();
        assertThat(props.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void everySettingTheAppsUseReachesTheConnection() {
        RedisProperties props = bind(Map.of(
                "spring.data.redis.host", "redis.internal",
                "spring.data.redis.port", "6380",
                "spring.data.redis.database", "2",
                "spring.data.redis.username", "lectern",
                "spring.data.redis.password", "s3cret",
                "spring.data.redis.ssl.enabled", "true",
                "spring.data.redis.timeout", "200ms",
                "spring.data.redis.connect-timeout", "1500ms"));
        RedisURI uri = props.uri();
        assertThat(uri.getHost()).isEqualTo("redis.internal");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(uri.getDatabase()).isEqualTo(2);
        assertThat(uri.isSsl()).isTrue();
        assertThat(uri.isVerifyPeer()).as("TLS checks the server's certificate").isTrue();
        assertThat(uri.getTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(credentials(uri).getUsername()).isEqualTo("lectern");
        assertThat(new String(credentials(uri).getPassword())).isEqualTo("s3cret");
        assertThat(props.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void anEmptyPasswordMeansNoAuthAndAUserNameAloneIsIgnored() {
        // application.yml sets password: ${LECTERN_REDIS_PASSWORD:}, i.e. empty when none is given
        RedisURI uri = bind(Map.of("spring.data.redis.password", "", "spring.data.redis.username", "lectern"))
                .uri();
        assertThat(credentials(uri).hasPassword()).isFalse();
        assertThat(credentials(uri).hasUsername()).isFalse();
    }

    @Test
    void composeSetsThePasswordThroughTheEnvironmentOverApplicationYml() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "env", Map.of("SPRING_DATA_REDIS_PASSWORD", "from-compose")));
        env.getPropertySources()
                .addLast(new MapPropertySource("application.yml", Map.of("spring.data.redis.password", "")));
        RedisURI uri = new Binder(ConfigurationPropertySources.get(env))
                .bindOrCreate("spring.data.redis", RedisProperties.class)
                .uri();
        assertThat(new String(credentials(uri).getPassword())).isEqualTo("from-compose");
    }
}
