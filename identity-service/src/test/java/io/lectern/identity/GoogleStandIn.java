package io.lectern.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/** Google's token endpoint and key set, played by WireMock with a key generated for this JVM. */
final class GoogleStandIn {

    static final String CLIENT_ID = "lectern-test.apps.googleusercontent.com";
    private static GoogleStandIn instance;

    final WireMockServer server;
    final RsaJsonWebKey key;

    private GoogleStandIn() throws Exception {
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("google-test-key");
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/oauth2/v3/certs"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
    }

    static synchronized GoogleStandIn get() {
        if (instance == null) {
            try {
                instance = new GoogleStandIn();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** The next code exchange answers with this ID token. */
    void answerTokenRequestWith(String idToken) {
        server.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"ya29.x\",\"token_type\":\"Bearer\",\"expires_in\":3599,"
                                + "\"id_token\":\"" + idToken + "\"}")));
    }

    List<LoggedRequest> tokenRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/token")));
    }

    String idToken(String sub, String email, boolean emailVerified, String nonce, String audience) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer("https://accounts.google.com");
            claims.setAudience(audience);
            claims.setSubject(sub);
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(60);
            claims.setClaim("email", email);
            claims.setClaim("email_verified", emailVerified);
            claims.setClaim("name", "Google User");
            claims.setClaim("nonce", nonce);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
