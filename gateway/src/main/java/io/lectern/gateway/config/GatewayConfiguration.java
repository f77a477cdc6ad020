package io.lectern.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.lectern.gateway.auth.AuthProperties;
import io.lectern.gateway.auth.AuthenticationFilter;
import io.lectern.gateway.auth.JwksKeys;
import io.lectern.gateway.auth.TokenVerifier;
import io.lectern.gateway.cache.InvalidationSubscriber;
import io.lectern.gateway.cache.PublicAnswerCache;
import io.lectern.gateway.cache.PublicCacheProperties;
import io.lectern.gateway.cache.RoutePaths;
import io.lectern.gateway.edge.ClientAddressHeaders;
import io.lectern.gateway.edge.EdgeFilter;
import io.lectern.gateway.edge.EdgeProperties;
import io.lectern.gateway.edge.ProblemErrorHandler;
import io.lectern.gateway.ratelimit.RateLimitFilter;
import io.lectern.gateway.ratelimit.RateLimitProperties;
import io.lectern.gateway.ratelimit.RateLimiter;
import io.lectern.gateway.ratelimit.RedisProperties;
import io.lectern.gateway.ratelimit.RedisTokenBuckets;
import io.lectern.gateway.ratelimit.SharedRedisConnection;
import io.lectern.gateway.resilience.ResilienceProperties;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** The gateway's one wiring point: edge hygiene, token checks, rate limits, public answers, breakers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    EdgeProperties.class,
    AuthProperties.class,
    RateLimitProperties.class,
    RedisProperties.class,
    ResilienceProperties.class,
    PublicCacheProperties.class
})
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    EdgeFilter edgeFilter(EdgeProperties props) {
        return new EdgeFilter(props);
    }

    @Bean
    ClientAddressHeaders clientAddressHeaders() {
        return new ClientAddressHeaders();
    }

    @Bean
    @Order(-2) // before Boot's default handler, which would answer with its own JSON shape
    ProblemErrorHandler problemErrorHandler() {
        return new ProblemErrorHandler();
    }

    @Bean
    @Order(EdgeFilter.ORDER + 5)
    CorsWebFilter corsWebFilter(EdgeProperties props) {
        EdgeProperties.Cors cors = props.cors();
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(cors.allowedMethods());
        config.setAllowedHeaders(cors.allowedHeaders());
        config.setExposedHeaders(cors.exposedHeaders());
        config.setAllowCredentials(cors.allowCredentials());
        config.setMaxAge(cors.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return new CorsWebFilter(source);
    }

    @Bean(destroyMethod = "close")
    JwksKeys jwksKeys(AuthProperties props) {
        return new JwksKeys(
                props.jwkSetUri(), props.jwksRefreshInterval(), props.jwksMinRefreshInterval(), props.jwksTimeout());
    }

    @Bean
    TokenVerifier tokenVerifier(JwksKeys keys, AuthProperties props) {
        return new TokenVerifier(keys, props, Clock.systemUTC());
    }

    @Bean
    AuthenticationFilter authenticationFilter(TokenVerifier verifier, AuthProperties props) {
        return new AuthenticationFilter(verifier, props);
    }

    /**
     * Lettuce itself, not Spring Data Redis: the limiter runs one script, and Spring Data loaded some
     * 640 classes for it (ADR 0021). Redis failures must surface in milliseconds, not after Lettuce's
     * default minute: commands are refused at once while disconnected, and Lettuce reconnects by itself.
     */
    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(RedisProperties redis) {
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(redis.connectTimeout())
                        .build())
                .build());
        return client;
    }

    /** Connects on first use: the gateway starts, and serves in degraded mode, while Redis is down. */
    @Bean(destroyMethod = "close")
    SharedRedisConnection rateLimitRedis(RedisClient client, RedisProperties redis) {
        return new SharedRedisConnection(client, redis.uri());
    }

    @Bean
    RateLimiter rateLimiter(SharedRedisConnection redis, RateLimitProperties props, MeterRegistry meters) {
        // A registry of its own: the route breakers' registry belongs to Spring Cloud CircuitBreaker.
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        RateLimitProperties.Breaker b = props.breaker();
        CircuitBreaker breaker = breakers.circuitBreaker(
                "rate-limit-redis",
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(b.slidingWindow())
                        .minimumNumberOfCalls(b.minimumCalls())
                        .failureRateThreshold(b.failureRatePercent())
                        .waitDurationInOpenState(b.waitInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build());
        breaker.getEventPublisher()
                .onStateTransition(event -> log.warn(
                        "Rate limiter Redis breaker {}: {}",
                        event.getStateTransition(),
                        event.getStateTransition().getToState() == CircuitBreaker.State.CLOSED
                                ? "back to shared limits"
                                : "degraded mode (auth groups limited in-process, others fail open)"));
        RateLimiter limiter = new RateLimiter(new RedisTokenBuckets(redis), props, breaker, meters, System::nanoTime);
        Gauge.builder("lectern.gateway.ratelimit.degraded", limiter, l -> l.degraded() ? 1 : 0)
                .description("1 while Redis is unreachable and the limiter runs in degraded mode")
                .register(meters);
        return limiter;
    }

    /**
     * Connects to Redis and loads the script before traffic arrives: the first connection can take
     * longer than the per-call deadline, and a cold start must not open the breaker.
     */
    @Bean
    org.springframework.boot.ApplicationRunner warmRateLimiter(RateLimiter limiter, RateLimitProperties props) {
        return args -> limiter.warmUp(props.keyPrefix() + ":warm-up");
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimiter limiter, RateLimitProperties props, MeterRegistry meters) {
        return new RateLimitFilter(limiter, props, meters);
    }

    @Bean
    PublicAnswerCache publicAnswerCache(PublicCacheProperties props, GatewayProperties routes, MeterRegistry meters) {
        PublicAnswerCache cache =
                new PublicAnswerCache(props, RoutePaths.of(routes, props.writeRoutes()), System::nanoTime);
        FunctionCounter.builder("lectern.gateway.public.cache", cache, PublicAnswerCache::hits)
                .description("Anonymous public reads answered from the gateway's memory, or passed on")
                .tag("result", "hit")
                .register(meters);
        FunctionCounter.builder("lectern.gateway.public.cache", cache, PublicAnswerCache::misses)
                .description("Anonymous public reads answered from the gateway's memory, or passed on")
                .tag("result", "miss")
                .register(meters);
        Gauge.builder("lectern.gateway.public.cache.serving", cache, c -> c.serving() ? 1 : 0)
                .description("1 while the cache hears the services' change messages and may serve")
                .register(meters);
        Gauge.builder("lectern.gateway.public.cache.entries", cache, PublicAnswerCache::entryCount)
                .description("Answers and pages the gateway keeps now (max-entries bounds it)")
                .register(meters);
        Gauge.builder("lectern.gateway.public.cache.bytes", cache, PublicAnswerCache::storedBytes)
                .description("Bytes of the bodies the gateway keeps now (max-bytes bounds it)")
                .baseUnit("bytes")
                .register(meters);
        return cache;
    }

    /** A pub/sub connection of its own: a subscribed Redis connection can send no other command. */
    @Bean
    InvalidationSubscriber publicAnswerInvalidation(
            RedisClient client, RedisProperties redis, PublicAnswerCache cache, PublicCacheProperties props) {
        return new InvalidationSubscriber(client, redis.uri(), cache, props);
    }

    /**
     * The registry Spring Cloud's breaker factory keeps the route breakers in, each exported as
     * {@code resilience4j_circuitbreaker_*{name=<route>}} as it is created. resilience4j's own Spring Boot
     * auto-configuration used to provide both and is not on the class path (docs/adr/0005, item 13); the
     * breakers are configured by {@link #routeBreakers}, not by {@code resilience4j.*} properties.
     */
    @Bean
    CircuitBreakerRegistry routeBreakerRegistry(TaggedCircuitBreakerMetricsPublisher routeBreakerMetrics) {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.ofDefaults(), routeBreakerMetrics);
    }

    /** Its presence also keeps Spring Cloud from binding the same meters a second time. */
    @Bean
    TaggedCircuitBreakerMetricsPublisher routeBreakerMetrics(MeterRegistry meters) {
        return new TaggedCircuitBreakerMetricsPublisher(meters);
    }

    /** Required by the factory's constructor; unused, as the routes' time limiter is off (below). */
    @Bean
    TimeLimiterRegistry routeTimeLimiterRegistry() {
        return TimeLimiterRegistry.ofDefaults();
    }

    /**
     * One breaker per route (named after it in the route's CircuitBreaker filter). The time limiter is
     * off: each route's own response timeout already bounds the call, and a second clock would only
     * disagree with it.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(ResilienceProperties props) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowSize(props.slidingWindow())
                .minimumNumberOfCalls(props.minimumCalls())
                .failureRateThreshold(props.failureRatePercent())
                .waitDurationInOpenState(props.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(props.callsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
        return factory -> factory.configureDefault(id ->
                new Resilience4JConfigBuilder(id).circuitBreakerConfig(config).build());
    }
}
