package io.lectern.learning.ai;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How learning reaches ai-service's internal endpoints: base URL, a per-call timeout, and the circuit
 * breaker that stops calling a failing ai-service for {@code openFor}.
 */
@ConfigurationProperties("lectern.learning.ai")
public record AiProperties(
        @DefaultValue("http://127.0.0.1:8084") String baseUrl,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("30s") Duration openFor,
        @DefaultValue("50") float failureRatePercent,
        @DefaultValue("10") int windowSize) {}
