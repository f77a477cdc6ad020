package io.lectern.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals short secrets (single-use link tokens) for their trip through events and queues: AES-256-GCM
 * with a key every service that must read them is given ({@code LECTERN_SEAL_KEY}, 32 bytes base64).
 * A tampered or foreign value fails to unseal. {@code context} binds a sealed value to its purpose
 * (e.g. "email-verification"), so a value sealed for one use cannot be replayed as another.
 */
public final class Sealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public Sealer(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("seal key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static Sealer fromBase64(String base64Key) {
        return new Sealer(Base64.getDecoder().decode(base64Key));
    }

    /**
     * A 32-byte key for one purpose (an HMAC over the purpose name with the seal key), so a service can
     * sign cursors or links without another secret to configure, and a key leaked from one purpose says
     * nothing about the seal key or any other purpose.
     */
    public byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("lectern/derive/v1/" + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public String seal(String context, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** @throws IllegalArgumentException when the value was tampered with, sealed with another key or for another context */
    public String unseal(String context, String sealed) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed);
            if (in.length <= NONCE_BYTES) {
                throw new IllegalArgumentException("not a sealed value");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed value is invalid", e);
        }
    }
}
