package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Tokens are checked here with jose4j, an implementation that shares no code with the issuer
 * (Nimbus), using only the JWKS fetched over HTTP.
 */
class AccessTokenTest extends IdentityTestSupport {

    @Value("${lectern.security.issuer}")
    String issuer;

    @Value("${lectern.security.audience}")
    String audience;

    private JsonWebKeySet publishedKeys() throws Exception {
        Response jwks = httpGet("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Cache-Control")).contains("public", "max-age=300");
        assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"");
        return new JsonWebKeySet(jwks.body());
    }

    private JwtConsumer consumer(JsonWebKeySet keys) {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .build();
    }

    @Test
    void accessTokenVerifiesWithAnIndependentLibraryAgainstThePublishedJwks() throws Exception {
        String email = newEmail();
        UUID id = verifiedUser(email);
        String token = accessToken(email);

        JwtClaims claims = consumer(publishedKeys()).processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo(id.toString());
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("reader");
        assertThat(claims.getStringClaimValue("tier")).isEqualTo("free");
        long lifetime =
                claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(lifetime).isEqualTo(15 * 60);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jws.getKeyIdHeaderValue()).isNotBlank();
    }

    @Test
    void rotationKeepsOldTokensValidAndPublishesBothKeysWithoutRestart() throws Exception {
        String admin = bearer(adminToken());
        String email = newEmail();
        verifiedUser(email);
        String before = accessToken(email);
        String oldKid = kid(before);

        Response rotated = post("/api/v1/admin/keys/rotate", null, "Authorization", admin);
        assertThat(rotated.status()).isEqualTo(200);
        String newKid = rotated.json().get("signingKeyId").asString();
        assertThat(newKid).isNotEqualTo(oldKid);

        String after = accessToken(email);
        assertThat(kid(after)).isEqualTo(newKid);
        JsonWebKeySet keys = publishedKeys();
        assertThat(keys.getJsonWebKeys().stream().map(JsonWebKey::getKeyId)).contains(oldKid, newKid);
        consumer(keys).processToClaims(before);
        consumer(keys).processToClaims(after);
        assertThat(httpGet("/api/v1/users/me", "Authorization", bearer(before)).status())
                .isEqualTo(200);
        assertThat(httpGet("/api/v1/users/me", "Authorization", bearer(after)).status())
                .isEqualTo(200);
    }

    @Test
    void forgedTokensAreRefused() throws Exception {
        String email = newEmail();
        UUID id = verifiedUser(email);
        String good = accessToken(email);
        String[] parts = good.split("\\.");
        String kid = kid(good);

        // alg none
        String none = b64("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + ".";
        assertProblem(httpGet("/api/v1/users/me", "Authorization", bearer(none)), 401);

        // HS256 "signed" with the published public key
        RsaJsonWebKey pub = (RsaJsonWebKey) publishedKeys().findJsonWebKey(kid, null, null, null);
        String hsInput = b64("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}") + "." + parts[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pub.getPublicKey().getEncoded(), "HmacSHA256"));
        String hs = hsInput + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(hsInput.getBytes(StandardCharsets.US_ASCII)));
        assertProblem(httpGet("/api/v1/users/me", "Authorization", bearer(hs)), 401);

        // tampered claims
        String tampered = parts[0] + "."
                + b64(new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"reader\"", "\"admin\"")) + "."
                + parts[2];
        assertProblem(httpGet("/api/v1/users/me", "Authorization", bearer(tampered)), 401);

        // properly signed with our own key, but expired / for another audience / unknown kid
        RsaJsonWebKey privateKey = signingKey(kid);
        assertProblem(
                httpGet("/api/v1/users/me", "Authorization", bearer(sign(privateKey, kid, id, audience, -120))), 401);
        assertProblem(
                httpGet("/api/v1/users/me", "Authorization", bearer(sign(privateKey, kid, id, "someone-else", 600))),
                401);
        assertProblem(
                httpGet(
                        "/api/v1/users/me",
                        "Authorization",
                        bearer(sign(privateKey, "unknown-kid", id, audience, 600))),
                401);
        // and the control: the same construction with valid claims passes
        assertThat(httpGet("/api/v1/users/me", "Authorization", bearer(sign(privateKey, kid, id, audience, 600)))
                        .status())
                .isEqualTo(200);
    }

    /** The private key as stored (sealed) in the database, unsealed the way the service does. */
    private RsaJsonWebKey signingKey(String kid) throws Exception {
        String sealed = jdbc.sql("SELECT private_jwk_sealed FROM signing_keys WHERE kid = :k")
                .param("k", kid)
                .query(String.class)
                .single();
        return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(sealer.unseal("signing-key:" + kid, sealed));
    }

    private String sign(RsaJsonWebKey key, String kid, UUID sub, String aud, int expiresInSeconds) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(aud);
        claims.setSubject(sub.toString());
        claims.setGeneratedJwtId();
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 300));
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + expiresInSeconds));
        claims.setStringListClaim("roles", List.of("reader"));
        claims.setClaim("tier", "free");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static String kid(String token) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        return jws.getKeyIdHeaderValue();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
