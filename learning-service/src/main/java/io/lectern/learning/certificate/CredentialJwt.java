package io.lectern.learning.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * A credential in its VC-JWT form: the JWT payload is the credential itself plus the registered
 * claims Open Badges 3.0 maps ({@code iss}, {@code jti}, {@code nbf}, {@code iat}). Signed RS256 (the
 * algorithm every Open Badges 3.0 verifier must support) with a key whose {@code kid} is its URL in our
 * published JWKS.
 */
final class CredentialJwt {

    private CredentialJwt() {}

    static String sign(Map<String, Object> credential, String issuerId, Instant validFrom, RSAKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        credential.forEach(claims::claim);
        claims.issuer(issuerId)
                .jwtID(String.valueOf(credential.get("id")))
                .notBeforeTime(Date.from(validFrom))
                .issueTime(Date.from(validFrom));
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a credential", e);
        }
        return jwt.serialize();
    }

    /** Why a presented credential is not accepted. */
    enum Rejection {
        MALFORMED,
        UNSUPPORTED_ALGORITHM,
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        NOT_YET_VALID,
        EXPIRED
    }

    /** Thrown when a credential does not verify; {@link #rejection()} says why. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final Rejection rejection;

        Rejected(Rejection rejection) {
            super(rejection.name());
            this.rejection = rejection;
        }

        Rejection rejection() {
            return rejection;
        }
    }

    /** The credential's claims after its signature and validity period checked out against {@code keys}. */
    static Map<String, Object> verify(String compact, JWKSet keys, Instant now) throws Rejected {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(compact.trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Rejected(Rejection.MALFORMED);
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new Rejected(Rejection.UNSUPPORTED_ALGORITHM);
        }
        String kid = jwt.getHeader().getKeyID();
        JWK jwk = kid == null ? null : keys.getKeyByKeyId(kid);
        if (!(jwk instanceof RSAKey rsa)) {
            throw new Rejected(Rejection.UNKNOWN_KEY);
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()))) {
                throw new Rejected(Rejection.BAD_SIGNATURE);
            }
        } catch (JOSEException e) {
            throw new Rejected(Rejection.BAD_SIGNATURE);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now)) {
            throw new Rejected(Rejection.NOT_YET_VALID);
        }
        Date exp = claims.getExpirationTime();
        if (exp != null && !exp.toInstant().isAfter(now)) {
            throw new Rejected(Rejection.EXPIRED);
        }
        return claims.getClaims();
    }
}
