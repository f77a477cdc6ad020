package io.lectern.gateway.auth;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The signed-in user of a request, as proven by a verified access token.
 *
 * @param kid the key that signed the token: a cached verification is dropped once that key is withdrawn
 */
public record Caller(String subject, Set<String> roles, long expiresAtMillis, String kid) {

    static final String ATTRIBUTE = Caller.class.getName();

    /** The caller of this exchange, or null when it carried no token (a public route). */
    public static @Nullable Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
