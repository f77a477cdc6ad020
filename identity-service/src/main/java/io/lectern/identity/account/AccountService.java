package io.lectern.identity.account;

import io.lectern.contracts.events.identity.EmailChanged;
import io.lectern.contracts.events.identity.EmailVerificationRequested;
import io.lectern.contracts.events.identity.EmailVerified;
import io.lectern.contracts.events.identity.PasswordResetRequested;
import io.lectern.contracts.events.identity.ReferralConverted;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.eventbus.EventPublisher;
import io.lectern.identity.referral.Referrals;
import io.lectern.identity.token.RefreshTokens;
import io.lectern.platform.crypto.Sealer;
import io.lectern.platform.web.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration, email verification, password reset and credential changes. Every answer that could
 * tell a caller whether an address has an account is the same either way; the difference is only in
 * what gets emailed (through events, in the same transaction as the change).
 */
@Service
public class AccountService {

    static final String SEAL_VERIFY = "email-verification";
    static final String SEAL_RESET = "password-reset";

    private final Users users;
    private final EmailTokens tokens;
    private final Referrals referrals;
    private final RefreshTokens refreshTokens;
    private final PasswordHasher hasher;
    private final Sealer sealer;
    private final EventPublisher events;
    private final AccountProperties props;

    AccountService(
            Users users,
            EmailTokens tokens,
            Referrals referrals,
            RefreshTokens refreshTokens,
            PasswordHasher hasher,
            Sealer sealer,
            EventPublisher events,
            AccountProperties props) {
        this.users = users;
        this.tokens = tokens;
        this.referrals = referrals;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.sealer = sealer;
        this.events = events;
        this.props = props;
    }

    public record Registration(
            String email,
            String password,
            String displayName,
            @Nullable String referralCode,
            String locale,
            String timeZone) {}

    /**
     * A new address gets an account and a verification link. An address with an account that was
     * never verified gets the new password and a fresh link (the earlier registrant never proved the
     * mailbox is theirs). A verified address gets nothing: its owner can sign in or reset.
     */
    @Transactional
    public void register(Registration r) {
        PasswordHasher.checkPolicy("password", r.password());
        UUID referrerId = null;
        String code = null;
        if (r.referralCode() != null && !r.referralCode().isBlank()) {
            UserAccount referrer = users.findByReferralCode(r.referralCode())
                    .orElseThrow(() -> new ProblemException(
                                    HttpStatus.UNPROCESSABLE_CONTENT,
                                    "Unknown referral code",
                                    "The referral code does not exist.")
                            .with("errors", List.of(Map.of("field", "referralCode", "message", "unknown code"))));
            referrerId = referrer.id();
            code = referrer.referralCode();
        }
        // Hash before looking anything up, so every branch pays the same Argon2 cost.
        String hash = hasher.hash(r.password());
        UUID id = UUID.randomUUID();
        boolean created = users.insert(new Users.NewUser(
                id,
                r.email(),
                false,
                hash,
                r.displayName().trim(),
                r.timeZone(),
                r.locale(),
                null,
                Referrals.newCode()));
        if (created) {
            if (referrerId != null) {
                referrals.recordSignup(id, referrerId, code);
            }
            events.publish(
                    id.toString(),
                    new UserRegistered(
                            id,
                            r.email().trim(),
                            r.displayName().trim(),
                            r.locale(),
                            r.timeZone(),
                            referrerId,
                            Instant.now()));
            sendVerification(
                    users.findById(id).orElseThrow(),
                    EmailTokens.Purpose.VERIFY_EMAIL,
                    r.email().trim());
            return;
        }
        UserAccount existing = users.lockByEmail(r.email()).orElseThrow();
        if (!existing.emailVerified()) {
            users.replacePendingRegistration(
                    existing.id(), hash, r.displayName().trim());
            sendVerification(existing, EmailTokens.Purpose.VERIFY_EMAIL, existing.email());
        }
    }

    @Transactional
    public void resendVerification(String email) {
        users.lockByEmail(email)
                .filter(u -> !u.emailVerified())
                .ifPresent(u -> sendVerification(u, EmailTokens.Purpose.VERIFY_EMAIL, u.email()));
    }

    private void sendVerification(UserAccount u, EmailTokens.Purpose purpose, String address) {
        EmailTokens.Issued issued = tokens.issue(u.id(), purpose, address, props.verificationTtl());
        events.publish(
                u.id().toString(),
                new EmailVerificationRequested(
                        u.id(),
                        address,
                        u.displayName(),
                        u.locale(),
                        sealer.seal(SEAL_VERIFY, issued.rawToken()),
                        issued.expiresAt()));
    }

    public record Verified(String email) {}

    /** Confirms a registration address or a new address from an email change. */
    @Transactional
    public Verified verify(String rawToken) {
        EmailTokens.Consumed t = tokens.consume(
                        rawToken, EmailTokens.Purpose.VERIFY_EMAIL, EmailTokens.Purpose.CHANGE_EMAIL)
                .orElseThrow(AccountService::invalidLink);
        UserAccount u = users.lockById(t.userId()).orElseThrow(AccountService::invalidLink);
        if (t.purpose() == EmailTokens.Purpose.CHANGE_EMAIL) {
            Optional<UserAccount> holder = users.findByEmail(t.email());
            if (holder.isPresent() && !holder.get().id().equals(u.id())) {
                throw ProblemException.conflict("This address now belongs to another account.");
            }
            users.changeEmail(u.id(), t.email());
            events.publish(
                    u.id().toString(), new EmailChanged(u.id(), u.email(), t.email(), u.displayName(), Instant.now()));
            return new Verified(t.email());
        }
        if (!Emails.normalize(t.email()).equals(Emails.normalize(u.email()))) {
            throw invalidLink();
        }
        if (users.markVerified(u.id())) {
            Instant now = Instant.now();
            events.publish(u.id().toString(), new EmailVerified(u.id(), u.email(), u.displayName(), u.locale(), now));
            referrals
                    .convert(u.id())
                    .ifPresent(c -> events.publish(
                            c.referrerId().toString(), new ReferralConverted(c.referrerId(), u.id(), c.code(), now)));
        }
        return new Verified(u.email());
    }

    @Transactional
    public void requestPasswordReset(String email) {
        users.findByEmail(email).ifPresent(u -> {
            EmailTokens.Issued issued =
                    tokens.issue(u.id(), EmailTokens.Purpose.RESET_PASSWORD, u.email(), props.resetTtl());
            events.publish(
                    u.id().toString(),
                    new PasswordResetRequested(
                            u.id(),
                            u.email(),
                            u.displayName(),
                            u.locale(),
                            sealer.seal(SEAL_RESET, issued.rawToken()),
                            issued.expiresAt()));
        });
    }

    /**
     * Sets the new password and ends every session. The link proves the mailbox, so an address that
     * was never verified is verified by it. No automatic sign-in: the user signs in with the new password.
     */
    @Transactional
    public void confirmPasswordReset(String rawToken, String newPassword) {
        PasswordHasher.checkPolicy("newPassword", newPassword);
        String hash = hasher.hash(newPassword);
        EmailTokens.Consumed t =
                tokens.consume(rawToken, EmailTokens.Purpose.RESET_PASSWORD).orElseThrow(AccountService::invalidLink);
        UserAccount u = users.lockById(t.userId()).orElseThrow(AccountService::invalidLink);
        if (!Emails.normalize(t.email()).equals(Emails.normalize(u.email()))) {
            throw invalidLink();
        }
        users.updatePassword(u.id(), hash);
        if (users.markVerified(u.id())) {
            events.publish(
                    u.id().toString(),
                    new EmailVerified(u.id(), u.email(), u.displayName(), u.locale(), Instant.now()));
            referrals
                    .convert(u.id())
                    .ifPresent(c -> events.publish(
                            c.referrerId().toString(),
                            new ReferralConverted(c.referrerId(), u.id(), c.code(), Instant.now())));
        }
        refreshTokens.revokeAll(u.id());
    }

    /** Changes the password and signs out every session (the caller signs in again). */
    @Transactional
    public void changePassword(UUID userId, String currentPassword, String newPassword) {
        PasswordHasher.checkPolicy("newPassword", newPassword);
        UserAccount u = users.lockById(userId).orElseThrow(() -> ProblemException.notFound("The account"));
        if (!hasher.matches(currentPassword, u.passwordHash())) {
            throw wrongPassword();
        }
        users.updatePassword(userId, hasher.hash(newPassword));
        refreshTokens.revokeAll(userId);
    }

    /** Sends a link to the new address; the address changes only when that link is followed. */
    @Transactional
    public void requestEmailChange(UUID userId, String newEmail, String currentPassword) {
        UserAccount u = users.lockById(userId).orElseThrow(() -> ProblemException.notFound("The account"));
        if (!hasher.matches(currentPassword, u.passwordHash())) {
            throw wrongPassword();
        }
        if (Emails.normalize(newEmail).equals(Emails.normalize(u.email()))) {
            throw ProblemException.unprocessable("That is already your address.")
                    .with("errors", List.of(Map.of("field", "newEmail", "message", "same as the current address")));
        }
        // Taken or not, the answer is the same; a taken address is refused when the link is followed.
        sendVerification(u, EmailTokens.Purpose.CHANGE_EMAIL, newEmail.trim());
    }

    /** Checks a password for a sensitive action (account deletion). */
    public void confirmPassword(UserAccount u, String password) {
        if (!hasher.matches(password, u.passwordHash())) {
            throw wrongPassword();
        }
    }

    static ProblemException invalidLink() {
        return ProblemException.badRequest("The link is invalid, was already used or has expired.");
    }

    static ProblemException wrongPassword() {
        return ProblemException.forbidden("The current password is not correct.");
    }
}
