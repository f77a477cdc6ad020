package io.lectern.notify.newsletter;

import io.lectern.notify.config.NotifyProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed one-click unsubscribe links: an HMAC-SHA256 over the subscriber id and address, so a link
 * works without signing in, only for the address it was sent to, and cannot be edited into a link
 * for somebody else.
 */
@Component
class UnsubscribeLinks {

    private final SecretKeySpec key;

    UnsubscribeLinks(NotifyProperties props) {
        this.key = new SecretKeySpec(
                props.newsletter().unsubscribeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String sign(UUID subscriberId, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal(
                    ("newsletter-unsubscribe\n" + subscriberId + "\n" + email).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verify(UUID subscriberId, String email, String signature) {
        return MessageDigest.isEqual(
                sign(subscriberId, email).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    String query(UUID subscriberId, String email) {
        return "s=" + subscriberId + "&sig=" + sign(subscriberId, email);
    }
}
