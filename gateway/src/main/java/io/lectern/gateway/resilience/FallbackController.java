package io.lectern.gateway.resilience;

import io.lectern.gateway.edge.Problems;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request its service could not take: a fast problem answer
 * (503 when the service is down or its breaker is open, 504 when it was too slow) instead of a hang.
 */
@RestController
final class FallbackController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        boolean slow = cause instanceof TimeoutException
                || (cause instanceof ResponseStatusException rse
                        && rse.getStatusCode().value() == 504);
        log.debug("{} unavailable for {}: {}", service, exchange.getRequest().getPath(), String.valueOf(cause));
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return slow
                ? Problems.write(
                        exchange, HttpStatus.GATEWAY_TIMEOUT, "The " + service + " service did not answer in time.")
                : Problems.write(
                        exchange,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "The " + service + " service is unavailable; try again shortly.");
    }
}
