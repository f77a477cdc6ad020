package io.lectern.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.lectern.platform.crypto.Sealer;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys tokens are signed with, kept in the database so every instance signs with the same key
 * and a rotation needs no restart. Private keys rest sealed (AES-GCM, platform seal key). Each instance
 * keeps a snapshot it reloads periodically and whenever it meets a key id it does not know.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final String SEAL_CONTEXT = "signing-key";

    record Snapshot(RSAKey signing, List<RSAKey> published, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final Sealer sealer;
    private final TokenProperties props;
    private final TransactionTemplate tx;
    private volatile @Nullable Snapshot snapshot;

    SigningKeys(JdbcClient jdbc, Sealer sealer, TokenProperties props, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.props = props;
        this.tx = tx;
    }

    /** The private key new tokens are signed with. */
    RSAKey signingKey() {
        return current().signing();
    }

    /** Public keys of the signing key and of retired keys whose tokens may still be live. */
    public JWKSet publicKeys() {
        return new JWKSet(
                current().published().stream().map(k -> (JWK) k.toPublicJWK()).toList());
    }

    /** The public key for a key id, reloading once from the database if this instance has not seen it yet. */
    @Nullable
    RSAKey publicKey(String kid) {
        RSAKey key = find(current(), kid);
        if (key == null) {
            key = find(reload(), kid);
        }
        return key == null ? null : key.toPublicJWK();
    }

    private static @Nullable RSAKey find(Snapshot s, String kid) {
        return s.published().stream()
                .filter(k -> kid.equals(k.getKeyID()))
                .findFirst()
                .orElse(null);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(props.keyCacheRefresh()).isBefore(Instant.now())) {
            s = reload();
        }
        return s;
    }

    /** Generates a key, retires the one signing now and starts signing with the new one. */
    public String rotate() {
        String kid = tx.execute(status -> {
            jdbc.sql("LOCK TABLE signing_keys IN SHARE ROW EXCLUSIVE MODE").update();
            jdbc.sql("UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL")
                    .update();
            return insertNewKey();
        });
        reload();
        log.info("Signing key rotated; now signing with {}", kid);
        return java.util.Objects.requireNonNull(kid);
    }

    /** Rotates when the signing key is older than the configured interval; true if it did. */
    public boolean rotateIfDue() {
        Instant created = jdbc.sql("SELECT created_at FROM signing_keys WHERE retired_at IS NULL")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional()
                .orElse(Instant.EPOCH);
        if (created.plus(props.keyRotationInterval()).isBefore(Instant.now())) {
            rotate();
            return true;
        }
        return false;
    }

    /** Deletes retired keys no live token can carry any more. */
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM signing_keys WHERE retired_at < :cutoff")
                .param("cutoff", OffsetDateTime.now().minus(publicationWindow()))
                .update();
    }

    synchronized Snapshot reload() {
        List<Row> rows = loadRows();
        if (rows.stream().noneMatch(r -> r.retiredAt() == null)) {
            try {
                tx.executeWithoutResult(status -> insertNewKey());
            } catch (DuplicateKeyException e) {
                // another instance created the first key at the same moment: use theirs
            }
            rows = loadRows();
        }
        RSAKey signing = null;
        List<RSAKey> published = new java.util.ArrayList<>();
        Instant cutoff = Instant.now().minus(publicationWindow());
        for (Row r : rows) {
            if (r.retiredAt() == null) {
                signing = unseal(r);
                published.add(signing);
            } else if (r.retiredAt().isAfter(cutoff)) {
                published.add(publicOnly(r));
            }
        }
        Snapshot s = new Snapshot(java.util.Objects.requireNonNull(signing), List.copyOf(published), Instant.now());
        snapshot = s;
        return s;
    }

    private java.time.Duration publicationWindow() {
        return props.accessTokenTtl().plus(props.publicationMargin());
    }

    private record Row(
            String kid,
            String publicJwk,
            String sealedPrivate,
            @Nullable Instant retiredAt) {}

    private List<Row> loadRows() {
        return jdbc.sql(
                        "SELECT kid, public_jwk, private_jwk_sealed, retired_at FROM signing_keys ORDER BY created_at DESC")
                .query((rs, n) -> {
                    OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
                    return new Row(
                            rs.getString("kid"),
                            rs.getString("public_jwk"),
                            rs.getString("private_jwk_sealed"),
                            retired == null ? null : retired.toInstant());
                })
                .list();
    }

    private String insertNewKey() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
                    .generate();
            jdbc.sql("INSERT INTO signing_keys (kid, public_jwk, private_jwk_sealed) VALUES (:kid, :pub, :priv)")
                    .param("kid", key.getKeyID())
                    .param("pub", key.toPublicJWK().toJSONString())
                    .param("priv", sealer.seal(SEAL_CONTEXT + ":" + key.getKeyID(), key.toJSONString()))
                    .update();
            return key.getKeyID();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a signing key", e);
        }
    }

    private RSAKey unseal(Row r) {
        try {
            return RSAKey.parse(sealer.unseal(SEAL_CONTEXT + ":" + r.kid(), r.sealedPrivate()));
        } catch (ParseException e) {
            throw new IllegalStateException("signing key " + r.kid() + " cannot be read", e);
        }
    }

    private static RSAKey publicOnly(Row r) {
        try {
            return RSAKey.parse(r.publicJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("public key " + r.kid() + " cannot be read", e);
        }
    }
}
