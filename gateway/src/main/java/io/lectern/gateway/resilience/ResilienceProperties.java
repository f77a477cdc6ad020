package io.lectern.gateway.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Circuit-breaker settings shared by every route's breaker. Per-route timeouts live on the routes
 * themselves (route metadata {@code response-timeout} / {@code connect-timeout}).
 */
@ConfigurationProperties("lectern.gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("20") int slidingWindow,
        @DefaultValue("5") int minimumCalls,
        @DefaultValue("50") float failureRatePercent,
        @DefaultValue("10s") Duration waitInOpenState,
        @DefaultValue("3") int callsInHalfOpenState) {}
