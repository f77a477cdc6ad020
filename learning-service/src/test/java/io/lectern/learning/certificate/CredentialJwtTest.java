package io.lectern.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CredentialJwtTest {

    static RSAKey key;
    static RSAKey otherKey;
    static final CredentialDocuments DOCS = new CredentialDocuments("https://lectern.example/", "Lectern");
    static final Instant ISSUED = Instant.parse("2026-11-01T10:00:00Z");

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID(DOCS.jwksUrl() + "#k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID(DOCS.jwksUrl() + "#k1").generate();
    }

    static CredentialFacts facts() {
        UUID user = UUID.randomUUID();
        return new CredentialFacts(
                UUID.randomUUID(),
                "Ada Lovelace",
                CredentialDocuments.identityHash(user, "salt"),
                "salt",
                UUID.randomUUID(),
                "Postgres internals",
                Level.COMPLETED,
                ISSUED,
                4711);
    }

    static String signed(CredentialFacts f, RSAKey with) {
        return CredentialJwt.sign(DOCS.credential(f), DOCS.issuerId(), f.issuedAt(), with);
    }

    @Test
    void signedCredentialIsAnOpenBadgeVcJwtThatVerifiesWithThePublishedKey() throws Exception {
        CredentialFacts f = facts();
        String jwt = signed(f, key);

        SignedJWT parsed = SignedJWT.parse(jwt);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("https://lectern.example/api/v1/certificates/jwks.json#k1");
        Map<String, Object> claims = CredentialJwt.verify(jwt, new JWKSet(key.toPublicJWK()), Instant.now());
        assertThat(claims.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        assertThat(claims.get("iss")).isEqualTo("https://lectern.example");
        assertThat(claims.get("jti"))
                .isEqualTo("https://lectern.example/api/v1/certificates/verify/" + f.certificateId());
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) claims.get("credentialStatus");
        assertThat(status)
                .containsEntry("type", "BitstringStatusListEntry")
                .containsEntry("statusPurpose", "revocation")
                .containsEntry("statusListIndex", "4711")
                .containsEntry("statusListCredential", "https://lectern.example/api/v1/certificates/status-list");
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) claims.get("credentialSubject");
        @SuppressWarnings("unchecked")
        Map<String, Object> achievement = (Map<String, Object>) subject.get("achievement");
        assertThat(achievement.get("name")).isEqualTo("Postgres internals — Completed");
    }

    @Test
    void oneChangedByteInThePayloadFailsVerification() {
        String jwt = signed(facts(), key);
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Completed", "Retained!");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        assertThatThrownBy(() -> CredentialJwt.verify(tampered, new JWKSet(key.toPublicJWK()), Instant.now()))
                .isInstanceOfSatisfying(
                        CredentialJwt.Rejected.class,
                        r -> assertThat(r.rejection()).isEqualTo(CredentialJwt.Rejection.BAD_SIGNATURE));
    }

    @Test
    void aCredentialSignedWithAnotherKeyUnderTheSameKidIsRejected() {
        String forged = signed(facts(), otherKey);

        assertThatThrownBy(() -> CredentialJwt.verify(forged, new JWKSet(key.toPublicJWK()), Instant.now()))
                .isInstanceOfSatisfying(
                        CredentialJwt.Rejected.class,
                        r -> assertThat(r.rejection()).isEqualTo(CredentialJwt.Rejection.BAD_SIGNATURE));
    }

    @Test
    void aRotatedKeyStillVerifiesOldCredentialsWhileItIsPublished() throws Exception {
        String old = signed(facts(), key);
        RSAKey newer = new RSAKeyGenerator(2048).keyID(DOCS.jwksUrl() + "#k2").generate();

        JWKSet published = new JWKSet(List.of(newer.toPublicJWK(), key.toPublicJWK()));

        assertThat(CredentialJwt.verify(old, published, Instant.now())).containsKey("credentialSubject");
        assertThatThrownBy(() -> CredentialJwt.verify(old, new JWKSet(newer.toPublicJWK()), Instant.now()))
                .isInstanceOfSatisfying(
                        CredentialJwt.Rejected.class,
                        r -> assertThat(r.rejection()).isEqualTo(CredentialJwt.Rejection.UNKNOWN_KEY));
    }

    @Test
    void algNoneAndGarbageAreRejected() {
        String jwt = signed(facts(), key);
        String[] parts = jwt.split("\\.");
        String none = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";

        assertThatThrownBy(() -> CredentialJwt.verify(none, new JWKSet(key.toPublicJWK()), Instant.now()))
                .isInstanceOf(CredentialJwt.Rejected.class);
        assertThatThrownBy(() -> CredentialJwt.verify("not-a-jwt", new JWKSet(key.toPublicJWK()), Instant.now()))
                .isInstanceOfSatisfying(
                        CredentialJwt.Rejected.class,
                        r -> assertThat(r.rejection()).isEqualTo(CredentialJwt.Rejection.MALFORMED));
    }

    @Test
    void notValidBeforeItsIssueDate() {
        String jwt = signed(facts(), key);

        assertThatThrownBy(() -> CredentialJwt.verify(jwt, new JWKSet(key.toPublicJWK()), ISSUED.minusSeconds(60)))
                .isInstanceOfSatisfying(
                        CredentialJwt.Rejected.class,
                        r -> assertThat(r.rejection()).isEqualTo(CredentialJwt.Rejection.NOT_YET_VALID));
    }
}
