package io.lectern.bench.gateway;

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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * What the gateway sits in front of during the benchmark: {@code GET /api/v1/posts/{slug}} answering
 * a fixed ~700-byte post as JSON, plus the JWKS the gateway checks tokens against (so the JWT check
 * runs for real). It is a JDK HttpServer, not content-service: the benchmark measures what the gateway
 * adds, and a stand-in with no database keeps the service's own variance out of that difference; it
 * also costs little CPU, leaving the 2 cores to the gateway. Writes a signed token to the given file.
 *
 * <p>Usage: {@code StandInPostService <port> <token-file> <issuer> <audience>}
 */
public final class StandInPostService {

    private StandInPostService() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path tokenFile = Path.of(args[1]);
        String issuer = args[2];
        String audience = args[3];
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-key").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        byte[] post = ("{\"slug\":\"hello-world\",\"title\":\"Hello, world\",\"summary\":\""
                        + "A post used by the gateway benchmark. ".repeat(12)
                        + "\",\"tags\":[\"java\",\"spring\"],\"readingMinutes\":4,\"premium\":false}")
                .getBytes(StandardCharsets.UTF_8);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.createContext("/api/v1/posts/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, post.length);
            exchange.getResponseBody().write(post);
            exchange.close();
        });
        server.start();

        // A reader token for the load, a premium reader's (tokenFile.premium, BENCH_READER=premium), and an
        // admin token (tokenFile.admin) the real-service mode of bench/gateway.sh uses to create the post.
        Files.writeString(tokenFile, token(key, issuer, audience, "reader", "free"));
        Files.writeString(Path.of(tokenFile + ".premium"), token(key, issuer, audience, "reader", "premium"));
        Files.writeString(Path.of(tokenFile + ".admin"), token(key, issuer, audience, "admin", "free"));
        System.out.println("stand-in post service on " + port);
    }

    private static String token(RSAKey key, String issuer, String audience, String role, String tier) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience(audience)
                        .subject(UUID.randomUUID().toString())
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(3600)))
                        .claim("roles", List.of(role))
                        .claim("tier", tier)
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
