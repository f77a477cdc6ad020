package io.lectern.learning.srs;

import io.lectern.platform.crypto.BuiltInSecrets;
import io.lectern.platform.crypto.Sealer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Signed grade links for review from the inbox. A token is {@code base64url(payload).base64url(mac)}
 * with payload {@code v1|card|user|rating|localDate|expiresAtEpochSecond} and an HMAC-SHA256 over it;
 * it carries no session. Single use is not the token's job: {@code srs_grade_link_use} records the
 * first click per card and local date.
 */
@Component
class GradeLinks {

    record Grade(UUID cardId, UUID userId, int rating, LocalDate day, Instant expiresAt) {}

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    GradeLinks(SrsProperties props, Sealer sealer) {
        String secret = props.inbox().linkSecret();
        byte[] keyBytes = secret == null || secret.isBlank()
                ? sealer.derive("learning/srs-grade-link")
                : BuiltInSecrets.require("LECTERN_SRS_LINK_SECRET", secret).getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
    }

    String token(Grade g) {
        String payload = String.join(
                "|",
                "v1",
                g.cardId().toString(),
                g.userId().toString(),
                Integer.toString(g.rating()),
                g.day().toString(),
                Long.toString(g.expiresAt().getEpochSecond()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
    }

    /** The grade a token stands for, if its signature holds and it has not expired at {@code now}. */
    Grade verify(String token, Instant now) {
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = B64D.decode(token.substring(0, Math.max(dot, 0)));
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw invalid();
        }
        if (dot <= 0 || !MessageDigest.isEqual(mac(payload), signature)) {
            throw invalid();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
        if (parts.length != 6 || !parts[0].equals("v1")) {
            throw invalid();
        }
        Grade g = new Grade(
                UUID.fromString(parts[1]),
                UUID.fromString(parts[2]),
                Integer.parseInt(parts[3]),
                LocalDate.parse(parts[4]),
                Instant.ofEpochSecond(Long.parseLong(parts[5])));
        if (!now.isBefore(g.expiresAt())) {
            throw SrsProblem.gradeLink(HttpStatus.GONE, "grade-link-expired", "This review link has expired.");
        }
        return g;
    }

    private static SrsProblem invalid() {
        return SrsProblem.gradeLink(
                HttpStatus.BAD_REQUEST, "grade-link-invalid", "This review link is not valid (altered or truncated).");
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
