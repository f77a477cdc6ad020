package io.lectern.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Checks an access token the way every service does (RS256 only, known key, issuer, audience, expiry
 * with a small skew) and remembers tokens that passed until they expire, so the RSA work is done once
 * per token rather than once per request. Claims are checked before the signature: a token that would
 * be refused anyway costs no RSA operation, which blunts floods of garbage tokens.
 */
public final class TokenVerifier {

    private final JwksKeys keys;
    private final String issuer;
    private final String audience;
    private final long skewMillis;
    private final Clock clock;
    private final Cache<String, Caller> verified;

    public TokenVerifier(JwksKeys keys, AuthProperties props, Clock clock) {
        this.keys = keys;
        this.issuer = props.issuer();
        this.audience = props.audience();
        this.skewMillis = props.clockSkew().toMillis();
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(props.verifiedTokenCacheSize())
                .executor(Runnable::run)
                .expireAfter(new Expiry<String, Caller>() {
                    @Override
                    public long expireAfterCreate(String token, Caller caller, long currentTime) {
                        long millis = caller.expiresAtMillis() + skewMillis - clock.millis();
                        return Math.max(0, millis) * 1_000_000L;
                    }

                    @Override
                    public long expireAfterUpdate(String token, Caller caller, long currentTime, long duration) {
                        return duration;
                    }

                    @Override
                    public long expireAfterRead(String token, Caller caller, long currentTime, long duration) {
                        return duration;
                    }
                })
                .build();
    }

    /** A caller this exact token already proved, still valid and signed by a still-published key. */
    @Nullable
    Caller cached(String token) {
        Caller caller = verified.getIfPresent(token);
        if (caller == null) {
            return null;
        }
        if (caller.expiresAtMillis() + skewMillis <= clock.millis() || !keys.stillPublished(caller.kid())) {
            verified.invalidate(token);
            return null;
        }
        return caller;
    }

    /** The caller the token proves, or empty when it proves nothing. */
    Mono<Caller> verify(String token) {
        Caller cached = cached(token);
        if (cached != null) {
            return Mono.just(cached);
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return Mono.empty();
        }
        JWSHeader header = jwt.getHeader();
        String kid = header.getKeyID();
        // Pinned: "none", HS256 (with the public key as HMAC secret) and friends never reach a verifier.
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || kid == null || header.getCriticalParams() != null) {
            return Mono.empty();
        }
        Caller caller = acceptableClaims(claims, kid);
        if (caller == null) {
            return Mono.empty();
        }
        RSASSAVerifier known = keys.known(kid);
        Mono<RSASSAVerifier> verifier = known != null ? Mono.just(known) : keys.lookup(kid);
        return verifier.filter(v -> signedBy(jwt, v)).map(v -> {
            verified.put(token, caller);
            return caller;
        });
    }

    private static boolean signedBy(SignedJWT jwt, RSASSAVerifier verifier) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private @Nullable Caller acceptableClaims(JWTClaimsSet claims, String kid) {
        long now = clock.millis();
        Date expires = claims.getExpirationTime();
        Date notBefore = claims.getNotBeforeTime();
        List<String> audiences = claims.getAudience();
        String subject = claims.getSubject();
        if (!issuer.equals(claims.getIssuer())
                || audiences == null
                || !audiences.contains(audience)
                || expires == null
                || expires.getTime() + skewMillis <= now
                || (notBefore != null && notBefore.getTime() - skewMillis > now)
                || subject == null
                || subject.isBlank()) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        Object claim = claims.getClaim("roles");
        if (claim instanceof List<?> list) {
            for (Object role : list) {
                if (role instanceof String name) {
                    roles.add(name.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        String tier = claims.getClaim("tier") instanceof String name && !name.isBlank()
                ? name.toLowerCase(java.util.Locale.ROOT)
                : null;
        return new Caller(subject, Set.copyOf(roles), tier, expires.getTime(), kid);
    }
}
