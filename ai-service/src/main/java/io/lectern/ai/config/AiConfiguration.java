package io.lectern.ai.config;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lectern.ai.embedding.Embedder;
import io.lectern.ai.embedding.EndpointEmbedder;
import io.lectern.ai.embedding.OnnxEmbedder;
import io.lectern.ai.embedding.QueryEmbeddings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

/** ai-service's composition root: the embedding model, the query cache, HTTP and circuit breakers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProperties.class)
class AiConfiguration {

    @Bean
    OutboundHttp outboundHttp() {
        return new OutboundHttp();
    }

    @Bean
    Embedder embedder(AiProperties props, OutboundHttp http) {
        AiProperties.Embedding e = props.embedding();
        return switch (e.provider()) {
            case "onnx" -> new OnnxEmbedder(Path.of(e.modelDir()), e.batchSize());
            case "endpoint" ->
                new EndpointEmbedder(
                        http,
                        e.endpoint().baseUrl(),
                        e.endpoint().apiKey(),
                        e.endpoint().model(),
                        e.endpoint().timeout(),
                        breaker("ai-embedding-endpoint"));
            default ->
                throw new IllegalStateException(
                        "lectern.ai.embedding.provider must be onnx or endpoint, not " + e.provider());
        };
    }

    @Bean
    QueryEmbeddings queryEmbeddings(
            Embedder embedder,
            RedisClient redis,
            AiProperties props,
            @Value("${lectern.events.namespace:lectern}") String namespace) {
        return new QueryEmbeddings(embedder, redis, namespace, props.embedding().queryCacheTtl());
    }

    /** Opens after half of the last 10 calls failed or were slow; one probe after 30 s. */
    @Bean
    CircuitBreaker llmCircuitBreaker() {
        return breaker("ai-llm");
    }

    static CircuitBreaker breaker(String name) {
        return CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(4)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(30))
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build());
    }
}
