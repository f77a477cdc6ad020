package io.lectern.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.lectern.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JWKS endpoint the tests control (publish, rotate, withdraw keys) and the tokens an attacker
 * would try: unsigned, HMAC-signed with the public key, unknown key, wrong audience, expired.
 */
public final class TestKeys {

    public static final String ISSUER = TestTokens.ISSUER;
    public static final String AUDIENCE = TestTokens.AUDIENCE;

    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    public final RSAKey current;

    TestKeys() {
        current = newKey();
        published.add(current);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/jwks.json", exchange -> {
            List<JWK> keys = published.stream().map(k -> (JWK) k.toPublicJWK()).toList();
            byte[] body = new JWKSet(keys).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("k-" + UUID.randomUUID()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void publish(RSAKey key) {
        published.add(key);
    }

    public void withdraw(RSAKey key) {
        published.removeIf(k -> k.getKeyID().equals(key.getKeyID()));
    }

    public String token(String subject, String... roles) {
        return signed(current, claims(subject, AUDIENCE, Duration.ofMinutes(15), roles));
    }

    public String bearer(String subject, String... roles) {
        return "Bearer " + token(subject, roles);
    }

    /** A token whose {@code tier} claim names the reader's plan (e.g. {@code premium}). */
    public String bearerOnTier(String subject, String tier, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(subject, AUDIENCE, Duration.ofMinutes(15), roles))
                .claim("tier", tier)
                .build();
        return "Bearer " + signed(current, claims);
    }

    public String signedWith(RSAKey key, String subject, String... roles) {
        return signed(key, claims(subject, AUDIENCE, Duration.ofMinutes(15), roles));
    }

    public String expired(String subject) {
        return signed(current, claims(subject, AUDIENCE, Duration.ofMinutes(-5), "reader"));
    }

    public String wrongAudience(String subject) {
        return signed(current, claims(subject, "someone-else", Duration.ofMinutes(15), "reader"));
    }

    public String wrongIssuer(String subject) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(subject, AUDIENCE, Duration.ofMinutes(15), "admin"))
                .issuer("http://evil.example")
                .build();
        return signed(current, claims);
    }

    /** {@code alg: none}: claims anything, signed by nobody. */
    public String unsigned(String subject) {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + current.getKeyID() + "\"}")
                .toString();
        String payload = Base64URL.encode(claims(subject, AUDIENCE, Duration.ofMinutes(15), "admin")
                        .toString())
                .toString();
        return header + "." + payload + ".";
    }

    /** The classic key-confusion forgery: HS256 with the RSA public key's bytes as the HMAC secret. */
    public String hmacWithPublicKey(String subject) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(current.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims(subject, AUDIENCE, Duration.ofMinutes(15), "admin"));
            jwt.sign(new MACSigner(current.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String subject, String audience, Duration ttl, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", roles.length == 0 ? List.of("reader") : List.of(roles))
                .build();
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) {
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
}
