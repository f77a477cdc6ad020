package io.lectern.testsupport;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for identity-service's token issuing in other services' tests: an RSA key published as a
 * JWKS on a local HTTP port (the same way identity-service publishes its keys) and tokens signed with
 * it carrying the platform's claims. Test contexts are pointed at it automatically.
 */
public final class TestTokens {

    public static final String ISSUER = "http://lectern.test";
    public static final String AUDIENCE = "lectern";

    private static volatile TestTokens instance;

    private final RSAKey key;
    private final HttpServer server;

    private TestTokens() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    public static TestTokens get() {
        TestTokens local = instance;
        if (local == null) {
            synchronized (TestTokens.class) {
                local = instance;
                if (local == null) {
                    try {
                        local = new TestTokens();
                    } catch (Exception e) {
                        throw new IllegalStateException("could not start the test JWKS server", e);
                    }
                    instance = local;
                }
            }
        }
        return local;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** A valid 15-minute access token for {@code userId} with the given roles and the free tier. */
    public String token(UUID userId, String... roles) {
        return token(userId, "free", List.of(roles), Duration.ofMinutes(15));
    }

    /** A valid access token for a premium user. */
    public String premiumToken(UUID userId, String... roles) {
        return token(userId, "premium", List.of(roles), Duration.ofMinutes(15));
    }

    public String token(UUID userId, String tier, List<String> roles, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId.toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", roles.isEmpty() ? List.of("reader") : roles)
                .claim("tier", tier)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tokens a resource server must refuse, each forged in one way an attacker would try. */
    public enum Forgery {
        /** Unsigned token with {@code alg: none}. */
        ALG_NONE,
        /** HS256 with the RSA public key's encoded bytes as the HMAC secret (algorithm confusion). */
        HS256_WITH_PUBLIC_KEY,
        /** Properly RS256-signed, but by a key that is not published (unknown {@code kid}). */
        UNKNOWN_KID,
        /** Signed with the published key but expired an hour ago. */
        EXPIRED,
        /** Signed with the published key but for another audience. */
        WRONG_AUDIENCE,
        /** Signed with the published key but issued by someone else. */
        WRONG_ISSUER,
        /** A valid token whose payload was edited after signing (roles: admin). */
        TAMPERED
    }

    /** "Bearer ..." with a forged token of the given kind, for {@code userId}. */
    public String forged(Forgery forgery, UUID userId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId.toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(900)))
                .claim("roles", List.of("admin"))
                .claim("tier", "premium");
        try {
            String token = switch (forgery) {
                case ALG_NONE -> new com.nimbusds.jwt.PlainJWT(claims.build()).serialize();
                case HS256_WITH_PUBLIC_KEY -> {
                    SignedJWT jwt = new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.HS256)
                                    .keyID(key.getKeyID())
                                    .build(),
                            claims.build());
                    jwt.sign(new com.nimbusds.jose.crypto.MACSigner(
                            padTo32(key.toRSAPublicKey().getEncoded())));
                    yield jwt.serialize();
                }
                case UNKNOWN_KID -> {
                    RSAKey other = new RSAKeyGenerator(2048)
                            .keyID("unknown-" + UUID.randomUUID())
                            .generate();
                    SignedJWT jwt = new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.RS256)
                                    .keyID(other.getKeyID())
                                    .build(),
                            claims.build());
                    jwt.sign(new RSASSASigner(other));
                    yield jwt.serialize();
                }
                case EXPIRED ->
                    sign(claims.issueTime(Date.from(now.minusSeconds(7200)))
                            .expirationTime(Date.from(now.minusSeconds(3600)))
                            .build());
                case WRONG_AUDIENCE -> sign(claims.audience("someone-else").build());
                case WRONG_ISSUER -> sign(claims.issuer("http://evil.example").build());
                case TAMPERED -> {
                    String valid = sign(claims.claim("roles", List.of("reader")).build());
                    String[] parts = valid.split("\\.");
                    String payload = new String(
                                    java.util.Base64.getUrlDecoder().decode(parts[1]),
                                    java.nio.charset.StandardCharsets.UTF_8)
                            .replace("\"reader\"", "\"admin\"");
                    yield parts[0] + "."
                            + java.util.Base64.getUrlEncoder()
                                    .withoutPadding()
                                    .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            + "." + parts[2];
                }
            };
            return "Bearer " + token;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static byte[] padTo32(byte[] secret) {
        return secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32);
    }

    /** "Bearer ..." header value. */
    public String bearer(UUID userId, String... roles) {
        return "Bearer " + token(userId, roles);
    }

    void stop() throws IOException {
        server.stop(0);
    }
}
