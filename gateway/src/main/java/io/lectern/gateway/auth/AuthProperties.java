package io.lectern.gateway.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway checks access tokens and who may pass where.
 *
 * @param jwkSetUri identity-service's published keys
 * @param jwksRefreshInterval keys are re-read this often, so a key withdrawn by identity stops being
 *     trusted within this time
 * @param jwksMinRefreshInterval an unknown {@code kid} triggers a re-read at most this often, so
 *     tokens with made-up key ids cannot turn the gateway into a JWKS flooder
 * @param verifiedTokenCacheSize tokens already verified are remembered (until they expire) so the RSA
 *     check runs once per token, not once per request
 * @param publicPaths "pattern" or "METHOD pattern" entries reachable without a token
 * @param roleRules first matching rule wins; a signed-in caller without one of its roles gets 403
 * @param internalPaths operator endpoints (metrics) reachable only from {@code internalNetworks}
 * @param tokenPaths only requests under these paths need a token; everything else the gateway serves
 *     (the web app's pages, which sign their own calls with the session cookie's token) passes without
 */
@ConfigurationProperties("lectern.gateway.auth")
public record AuthProperties(
        String jwkSetUri,
        String issuer,
        String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("5m") Duration jwksRefreshInterval,
        @DefaultValue("10s") Duration jwksMinRefreshInterval,
        @DefaultValue("2s") Duration jwksTimeout,
        @DefaultValue("10000") int verifiedTokenCacheSize,
        @DefaultValue List<String> publicPaths,
        @DefaultValue List<RoleRule> roleRules,
        @DefaultValue List<String> internalPaths,
        @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> internalNetworks,
        @DefaultValue({"/api/**"}) List<String> tokenPaths) {

    /** Paths ("pattern" or "METHOD pattern") and the roles that may use them. */
    public record RoleRule(List<String> paths, List<String> roles) {}
}
