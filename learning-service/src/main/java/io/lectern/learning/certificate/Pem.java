package io.lectern.learning.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Base64;

/** A public key in PEM ("BEGIN PUBLIC KEY", SubjectPublicKeyInfo), the form openssl reads. */
final class Pem {

    private Pem() {}

    static String publicKey(RSAKey key) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(key.toRSAPublicKey().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
