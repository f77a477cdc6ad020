package io.lectern.gateway.auth;

import io.lectern.gateway.edge.Cidr;
import io.lectern.gateway.edge.ClientAddress;
import io.lectern.gateway.edge.EdgeFilter;
import io.lectern.gateway.edge.Problems;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets a request through only with a valid token, unless its route is public; enforces role rules.
 * The Authorization header travels on untouched: services check the token again themselves, so this
 * is the first of two locks, not the only one.
 */
public final class AuthenticationFilter implements WebFilter, Ordered {

    public static final int ORDER = EdgeFilter.ORDER + 20;

    private record RoleRule(PathRules paths, Set<String> roles) {}

    private final TokenVerifier verifier;
    private final PathRules publicPaths;
    private final PathRules internalPaths;
    private final PathRules tokenPaths;
    private final List<Cidr> internalNetworks;
    private final List<RoleRule> roleRules;

    public AuthenticationFilter(TokenVerifier verifier, AuthProperties props) {
        this.verifier = verifier;
        this.publicPaths = PathRules.of(props.publicPaths());
        this.internalPaths = PathRules.of(props.internalPaths());
        this.tokenPaths = PathRules.of(props.tokenPaths());
        this.internalNetworks =
                props.internalNetworks().stream().map(Cidr::parse).toList();
        this.roleRules = props.roleRules().stream()
                .map(rule -> new RoleRule(
                        PathRules.of(rule.paths()),
                        rule.roles().stream()
                                .map(r -> r.toLowerCase(java.util.Locale.ROOT))
                                .collect(Collectors.toSet())))
                .toList();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        PathContainer path = request.getPath().pathWithinApplication();
        if (internalPaths.matches(method, path)) {
            return fromInternalNetwork(exchange)
                    ? chain.filter(exchange)
                    : Problems.write(exchange, HttpStatus.FORBIDDEN, "This endpoint is for operators only.");
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return publicPaths.matches(method, path) || !tokenPaths.matches(method, path)
                    ? chain.filter(exchange)
                    : unauthorized(exchange);
        }
        if (authorization.length() < 8 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized(exchange);
        }
        String token = authorization.substring(7).trim();
        Caller cached = verifier.cached(token);
        if (cached != null) {
            return authorize(exchange, chain, cached, method, path);
        }
        return verifier.verify(token)
                .flatMap(caller ->
                        authorize(exchange, chain, caller, method, path).thenReturn(Boolean.TRUE))
                .switchIfEmpty(Mono.defer(() -> unauthorized(exchange).thenReturn(Boolean.FALSE)))
                .then();
    }

    private Mono<Void> authorize(
            ServerWebExchange exchange, WebFilterChain chain, Caller caller, HttpMethod method, PathContainer path) {
        for (RoleRule rule : roleRules) {
            if (rule.paths().matches(method, path)) {
                if (caller.roles().stream().noneMatch(rule.roles()::contains)) {
                    return Problems.write(exchange, HttpStatus.FORBIDDEN, "You are not allowed to do this.");
                }
                break;
            }
        }
        exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
        return chain.filter(exchange);
    }

    private boolean fromInternalNetwork(ServerWebExchange exchange) {
        try {
            InetAddress client = Cidr.literal(ClientAddress.of(exchange).ip());
            return internalNetworks.stream().anyMatch(cidr -> cidr.contains(client));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "The access token is missing, invalid or expired.");
    }
}
