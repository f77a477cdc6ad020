package io.lectern.learning.certificate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List: one bit per issued credential, set when it is revoked. Index 0 is the
 * most significant bit of the first byte. Encoded as GZIP, then multibase base64url without padding
 * (prefix {@code u}). At least 131,072 bits so one list gives holders herd privacy.
 */
public final class StatusList {

    public static final int MIN_BITS = 131_072;

    private final byte[] bits;

    private StatusList(byte[] bits) {
        this.bits = bits;
    }

    public static StatusList empty(int size) {
        if (size < MIN_BITS || size % 8 != 0) {
            throw new IllegalArgumentException("a status list has at least " + MIN_BITS + " bits, a multiple of 8");
        }
        return new StatusList(new byte[size / 8]);
    }

    public static StatusList of(byte[] raw) {
        return new StatusList(raw.clone());
    }

    public int size() {
        return bits.length * 8;
    }

    public boolean get(int index) {
        check(index);
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    public void set(int index, boolean value) {
        check(index);
        if (value) {
            bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        } else {
            bits[index / 8] &= (byte) ~(0x80 >>> (index % 8));
        }
    }

    public byte[] raw() {
        return bits.clone();
    }

    /** GZIP, then multibase base64url (no padding, prefix {@code u}), as {@code encodedList} wants it. */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** @throws IllegalArgumentException when the value is not a multibase base64url GZIP'd bitstring */
    public static StatusList decode(String encoded) {
        if (!encoded.startsWith("u")) {
            throw new IllegalArgumentException("encodedList must be multibase base64url (prefix 'u')");
        }
        byte[] gz = Base64.getUrlDecoder().decode(encoded.substring(1));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            // a status list is small; refuse anything that inflates beyond 16 MB
            byte[] raw = in.readNBytes(16 * 1024 * 1024 + 1);
            if (raw.length > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("encodedList is too large");
            }
            return new StatusList(raw);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data", e);
        }
    }

    private void check(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("status list index " + index + " outside 0.." + (size() - 1));
        }
    }
}
