package io.lectern.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.lectern.identity.account.UserAccount;
import io.lectern.platform.security.LecternSecurityProperties;
import io.lectern.platform.security.ResourceServerSecurity;
import java.security.Key;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/** Issues the platform's RS256 access tokens, and checks them against the same key store. */
@Component
public class AccessTokens {

    private final SigningKeys keys;
    private final LecternSecurityProperties security;
    private final TokenProperties props;

    AccessTokens(SigningKeys keys, LecternSecurityProperties security, TokenProperties props) {
        this.keys = keys;
        this.security = security;
        this.props = props;
    }

    public record Issued(String token, Instant expiresAt) {}

    public Issued issue(UserAccount user) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(props.accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(security.issuer())
                .audience(security.audience())
                .subject(user.id().toString())
                .claim("roles", List.copyOf(user.roles()))
                .claim("tier", user.tier())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(exp))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var key = keys.signingKey();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return new Issued(jwt.serialize(), exp);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
    }

    /**
     * The decoder identity-service authenticates its own callers with: the keys come straight from
     * the key store (no HTTP round trip to itself), RS256 only, and the platform's claim checks.
     */
    public JwtDecoder decoder() {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector((header, context) -> {
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
                return List.<Key>of();
            }
            var key = keys.publicKey(header.getKeyID());
            if (key == null) {
                return List.<Key>of();
            }
            try {
                return List.<Key>of(key.toRSAPublicKey());
            } catch (JOSEException e) {
                return List.<Key>of();
            }
        });
        // claims are checked by Spring's validators below, like in every other service
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(ResourceServerSecurity.validator(security));
        return decoder;
    }
}
