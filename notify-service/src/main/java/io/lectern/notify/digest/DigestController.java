package io.lectern.notify.digest;

import io.lectern.notify.recipient.Recipient;
import io.lectern.notify.recipient.Recipients;
import io.lectern.platform.web.ProblemException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's daily digest subscription. identity's profile holds the same preference; the
 * last change wins (a later UserProfileChanged overrides a choice made here).
 */
@RestController
@RequestMapping("/api/v1/digest/subscription")
class DigestController {

    private final Recipients recipients;

    DigestController(Recipients recipients) {
        this.recipients = recipients;
    }

    @GetMapping
    DigestSubscriptionResponse get(@AuthenticationPrincipal Jwt jwt) {
        Recipient r = recipients.find(user(jwt)).orElseThrow(DigestController::unknown);
        return new DigestSubscriptionResponse(r.digestOptIn(), r.emailVerified());
    }

    @PostMapping
    DigestSubscriptionResponse subscribe(@AuthenticationPrincipal Jwt jwt) {
        return set(user(jwt), true);
    }

    @DeleteMapping
    DigestSubscriptionResponse unsubscribe(@AuthenticationPrincipal Jwt jwt) {
        return set(user(jwt), false);
    }

    private DigestSubscriptionResponse set(UUID userId, boolean on) {
        if (!recipients.setDigestOptIn(userId, on)) {
            throw unknown();
        }
        Recipient r = recipients.find(userId).orElseThrow(DigestController::unknown);
        return new DigestSubscriptionResponse(r.digestOptIn(), r.emailVerified());
    }

    /**
     * @param emailVerified digests go only to verified addresses; false means none is sent yet
     */
    record DigestSubscriptionResponse(boolean subscribed, boolean emailVerified) {}

    private static ProblemException unknown() {
        return ProblemException.conflict(
                "Your account is not known to the notification service yet; try again shortly.");
    }

    private static UUID user(Jwt jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.forbidden("The token's subject is not a user id.");
        }
    }
}
