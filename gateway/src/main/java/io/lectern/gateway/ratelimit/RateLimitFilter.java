package io.lectern.gateway.ratelimit;

import io.lectern.gateway.auth.AuthenticationFilter;
import io.lectern.gateway.auth.Caller;
import io.lectern.gateway.auth.PathRules;
import io.lectern.gateway.edge.ClientAddress;
import io.lectern.gateway.edge.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs after authentication so a signed-in caller is limited by user id (one bucket wherever they
 * connect from) and everyone else by client address. Answers 429 with Retry-After and the
 * X-RateLimit-* headers; allowed responses carry the same headers, and X-RateLimit-Policy names the group.
 */
public final class RateLimitFilter implements WebFilter, Ordered {

    public static final int ORDER = AuthenticationFilter.ORDER + 10;

    /** Names the limit group a request counted against (RouteTableSystemTest checks the groups). */
    public static final String POLICY_HEADER = "X-RateLimit-Policy";

    private record Group(RateLimitProperties.Group config, PathRules paths) {}

    private final RateLimiter limiter;
    private final List<Group> groups;
    private final PathRules exempt;
    private final String keyPrefix;
    private final boolean enabled;
    private final MeterRegistry meters;
    private final ConcurrentHashMap<String, Counter> rejections = new ConcurrentHashMap<>();

    public RateLimitFilter(RateLimiter limiter, RateLimitProperties props, MeterRegistry meters) {
        this.limiter = limiter;
        this.groups = props.groups().stream()
                .map(g -> new Group(g, PathRules.of(g.paths())))
                .toList();
        this.exempt = PathRules.of(props.exemptPaths());
        this.keyPrefix = props.keyPrefix();
        this.enabled = props.enabled();
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        if (!enabled || exempt.matches(request.getMethod(), path)) {
            return chain.filter(exchange);
        }
        Group group = null;
        for (Group candidate : groups) {
            if (candidate.paths().matches(request.getMethod(), path)) {
                group = candidate;
                break;
            }
        }
        if (group == null) {
            return chain.filter(exchange);
        }
        Caller caller = Caller.of(exchange);
        RateLimitProperties.Group config = group.config();
        RateLimitProperties.Limit limit = caller != null ? config.authenticated() : config.anonymous();
        String key = keyPrefix + ":" + config.name() + ":"
                + (caller != null
                        ? "u:" + caller.subject()
                        : "ip:" + ClientAddress.of(exchange).ip());
        return limiter.decide(config, key, limit).flatMap(decision -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(POLICY_HEADER, config.name());
            if (decision.remaining() >= 0) {
                headers.set("X-RateLimit-Limit", Long.toString(decision.limit()));
                headers.set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
                headers.set("X-RateLimit-Reset", Long.toString(seconds(decision.resetMillis())));
            }
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            rejections
                    .computeIfAbsent(
                            config.name(),
                            name -> Counter.builder("lectern.gateway.ratelimit.rejected")
                                    .description("Requests refused with 429")
                                    .tag("group", name)
                                    .register(meters))
                    .increment();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds(decision.retryAfterMillis()))));
            return Problems.write(
                    exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry after the Retry-After delay.");
        });
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
