package io.lectern.learning.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.lectern.platform.crypto.Sealer;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys credentials are signed with. Kept in the database (private halves sealed with the
 * platform seal key, like identity's token keys) so every instance signs with the same key. Retired
 * keys stay published forever: a certificate never expires, so its key must stay verifiable.
 */
@Component
class CertificateKeys {

    static final String SEAL_CONTEXT = "certificate-signing-key";

    private record Snapshot(RSAKey signing, JWKSet published, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final Sealer sealer;
    private final CertificateProperties props;
    private final CredentialDocuments documents;
    private final TransactionTemplate tx;
    private volatile @Nullable Snapshot snapshot;

    CertificateKeys(JdbcClient jdbc, Sealer sealer, CertificateProperties props, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.props = props;
        this.documents = new CredentialDocuments(props.publicBaseUrl(), props.issuerName());
        this.tx = tx;
    }

    RSAKey signingKey() {
        return current().signing();
    }

    /** Every public key a certificate may have been signed with, as published at the JWKS URL. */
    JWKSet publicKeys() {
        return current().published();
    }

    /** The published keys, reloaded first if {@code kid} is not among them (another instance rotated). */
    JWKSet publicKeysWith(@Nullable String kid) {
        JWKSet keys = publicKeys();
        if (kid != null && keys.getKeyByKeyId(kid) == null) {
            keys = reload().published();
        }
        return keys;
    }

    /** Retires the signing key (it stays published) and signs from now on with a new one. */
    String rotate() {
        String kid = tx.execute(status -> {
            jdbc.sql("LOCK TABLE certificate_signing_key IN SHARE ROW EXCLUSIVE MODE")
                    .update();
            jdbc.sql("UPDATE certificate_signing_key SET retired_at = now() WHERE retired_at IS NULL")
                    .update();
            return insertKey();
        });
        reload();
        return Objects.requireNonNull(kid);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(props.keyCacheRefresh()).isBefore(Instant.now())) {
            s = reload();
        }
        return s;
    }

    private record Row(String kid, String publicJwk, String sealedJwk, boolean current) {}

    private synchronized Snapshot reload() {
        List<Row> rows = rows();
        if (rows.stream().noneMatch(Row::current)) {
            try {
                tx.executeWithoutResult(status -> insertKey());
            } catch (DuplicateKeyException e) {
                // another instance created the first key at the same moment: use theirs
            }
            rows = rows();
        }
        RSAKey signing = null;
        List<JWK> published = new ArrayList<>();
        for (Row r : rows) {
            try {
                published.add(RSAKey.parse(r.publicJwk()));
                if (r.current()) {
                    signing = RSAKey.parse(sealer.unseal(SEAL_CONTEXT, r.sealedJwk()));
                }
            } catch (ParseException e) {
                throw new IllegalStateException("stored certificate key " + r.kid() + " is unreadable", e);
            }
        }
        Snapshot s = new Snapshot(Objects.requireNonNull(signing), new JWKSet(published), Instant.now());
        snapshot = s;
        return s;
    }

    private List<Row> rows() {
        return jdbc.sql("SELECT kid, public_jwk, sealed_jwk, retired_at IS NULL AS current"
                        + " FROM certificate_signing_key ORDER BY created_at DESC")
                .query((rs, n) -> new Row(
                        rs.getString("kid"),
                        rs.getString("public_jwk"),
                        rs.getString("sealed_jwk"),
                        rs.getBoolean("current")))
                .list();
    }

    private String insertKey() {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048)
                    .keyID(documents.jwksUrl() + "#" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a certificate signing key", e);
        }
        jdbc.sql("INSERT INTO certificate_signing_key (kid, public_jwk, sealed_jwk) VALUES (:kid, :pub, :sealed)")
                .param("kid", key.getKeyID())
                .param("pub", key.toPublicJWK().toJSONString())
                .param("sealed", sealer.seal(SEAL_CONTEXT, key.toJSONString()))
                .update();
        return key.getKeyID();
    }
}
