package io.lectern.gateway.auth;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The signed-in user of a request, as proven by a verified access token.
 *
 * @param roles the token's {@code roles}, lower-cased
 * @param tier the token's {@code tier} (the reader's plan, e.g. {@code premium}), lower-cased; null when
 *     it has none
 * @param kid the key that signed the token: a cached verification is dropped once that key is withdrawn
 */
public record Caller(
        String subject, Set<String> roles, @Nullable String tier, long expiresAtMillis, String kid) {

    static final String ATTRIBUTE = Caller.class.getName();

    /** The caller of this exchange, or null when it carried no token (a public route). */
    public static @Nullable Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /**
     * Whether the token carries one of these claims, each {@code role:NAME} or {@code tier:NAME} in lower
     * case (how a service names who an answer is for, ADR 0114).
     */
    public boolean holdsAny(Set<String> claims) {
        if (tier != null && claims.contains("tier:" + tier)) {
            return true;
        }
        for (String role : roles) {
            if (claims.contains("role:" + role)) {
                return true;
            }
        }
        return false;
    }
}
