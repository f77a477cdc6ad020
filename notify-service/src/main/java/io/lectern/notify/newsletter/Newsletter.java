package io.lectern.notify.newsletter;

import io.lectern.notify.config.NotifyProperties;
import io.lectern.notify.email.Email;
import io.lectern.notify.email.EmailQueue;
import io.lectern.platform.crypto.Sealer;
import io.lectern.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsletter subscriptions with double opt-in. Nobody is subscribed until they open the link sent to
 * the address; the link's token is random, single-use and expiring, and only its SHA-256 is stored
 * (the queued e-mail carries it sealed, see {@link Sealer}). Subscribing answers the same whatever
 * the address's state, so the endpoint tells nobody who is subscribed.
 */
@Service
public class Newsletter {

    static final String CONFIRM_PURPOSE = "newsletter-confirmation";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final EmailQueue emails;
    private final Sealer sealer;
    private final UnsubscribeLinks links;
    private final NotifyProperties.Newsletter settings;

    Newsletter(JdbcClient jdbc, EmailQueue emails, Sealer sealer, UnsubscribeLinks links, NotifyProperties props) {
        this.jdbc = jdbc;
        this.emails = emails;
        this.sealer = sealer;
        this.links = links;
        this.settings = props.newsletter();
    }

    @Transactional
    void subscribe(String rawEmail, @Nullable UUID userId) {
        String email = rawEmail.strip().toLowerCase(Locale.ROOT);
        Optional<String> status = jdbc.sql("SELECT status FROM newsletter_subscriber WHERE email = :email FOR UPDATE")
                .param("email", email)
                .query(String.class)
                .optional();
        if (status.filter("confirmed"::equals).isPresent()) {
            return; // already in; a second confirmation mail would only be noise
        }
        String token = newToken();
        Instant expires = Instant.now().plus(settings.confirmationTtl());
        jdbc.sql("""
                        INSERT INTO newsletter_subscriber (id, email, user_id, status, confirm_token_hash, confirm_expires_at)
                        VALUES (:id, :email, :user, 'pending', :hash, :expires)
                        ON CONFLICT (email) DO UPDATE SET status = 'pending', confirm_token_hash = excluded.confirm_token_hash,
                               confirm_expires_at = excluded.confirm_expires_at,
                               user_id = coalesce(excluded.user_id, newsletter_subscriber.user_id)
                        """)
                .param("id", UUID.randomUUID())
                .param("email", email)
                .param("user", userId)
                .param("hash", hash(token))
                .param("expires", java.sql.Timestamp.from(expires))
                .update();
        emails.enqueue(Email.of(
                null,
                email,
                "newsletter-confirm",
                Map.of(
                        "sealedToken",
                        sealer.seal(CONFIRM_PURPOSE, token),
                        "tokenPurpose",
                        CONFIRM_PURPOSE,
                        "tokenPath",
                        "/newsletter/confirm",
                        "expiresAt",
                        expires.toString())));
    }

    /** Confirms the subscription the token was sent for; the token is spent by it. */
    @Transactional
    void confirm(String token) {
        int confirmed = jdbc.sql("""
                        UPDATE newsletter_subscriber SET status = 'confirmed', confirmed_at = now(),
                               confirm_token_hash = NULL, confirm_expires_at = NULL
                         WHERE confirm_token_hash = :hash AND status = 'pending' AND confirm_expires_at > now()
                        """).param("hash", hash(token)).update();
        if (confirmed != 1) {
            throw ProblemException.badRequest("The confirmation link is invalid, used or expired; subscribe again.");
        }
    }

    @Transactional
    void unsubscribe(UUID subscriberId, String signature) {
        Optional<String> email = jdbc.sql("SELECT email FROM newsletter_subscriber WHERE id = :id FOR UPDATE")
                .param("id", subscriberId)
                .query(String.class)
                .optional();
        if (email.isEmpty() || !links.verify(subscriberId, email.get(), signature)) {
            throw ProblemException.badRequest("The unsubscribe link is invalid.");
        }
        jdbc.sql("""
                        UPDATE newsletter_subscriber SET status = 'unsubscribed', unsubscribed_at = now(),
                               confirm_token_hash = NULL, confirm_expires_at = NULL
                         WHERE id = :id AND status <> 'unsubscribed'
                        """).param("id", subscriberId).update();
    }

    /** A deleted account's subscriptions go with it (by user id and by its address). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(UUID userId, @Nullable String email) {
        jdbc.sql(
                        "DELETE FROM newsletter_delivery WHERE subscriber_id IN (SELECT id FROM newsletter_subscriber WHERE user_id = :user OR email = :email)")
                .param("user", userId)
                .param("email", email == null ? "" : email.toLowerCase(Locale.ROOT))
                .update();
        jdbc.sql("DELETE FROM newsletter_subscriber WHERE user_id = :user OR email = :email")
                .param("user", userId)
                .param("email", email == null ? "" : email.toLowerCase(Locale.ROOT))
                .update();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
