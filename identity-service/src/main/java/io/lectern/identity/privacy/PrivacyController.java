package io.lectern.identity.privacy;

import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.eventbus.EventPublisher;
import io.lectern.identity.account.AccountService;
import io.lectern.identity.account.UserAccount;
import io.lectern.identity.account.Users;
import io.lectern.identity.referral.Referrals;
import io.lectern.identity.settings.Settings;
import io.lectern.identity.settings.SettingsStore;
import io.lectern.identity.token.RefreshTokens;
import io.lectern.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The user's own copy of what identity holds about them, and the right to be forgotten. */
@RestController
@RequestMapping("/api/v1/users/me")
class PrivacyController {

    private final Users users;
    private final SettingsStore settings;
    private final Referrals referrals;
    private final RefreshTokens refreshTokens;
    private final AccountService accounts;
    private final EventPublisher events;

    PrivacyController(
            Users users,
            SettingsStore settings,
            Referrals referrals,
            RefreshTokens refreshTokens,
            AccountService accounts,
            EventPublisher events) {
        this.users = users;
        this.settings = settings;
        this.referrals = referrals;
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.events = events;
    }

    record AccountExport(
            UUID id,
            String email,
            boolean emailVerified,
            String displayName,
            @Nullable String avatarUrl,
            @Nullable String bio,
            String timeZone,
            String locale,
            List<String> roles,
            String tier,
            boolean suspended,
            boolean googleLinked,
            boolean hasPassword,
            String referralCode,
            Instant createdAt) {}

    record Export(
            Instant exportedAt,
            AccountExport account,
            Settings settings,
            @Nullable UUID referredBy,
            List<Referrals.ReferralExport> referralsMade,
            List<RefreshTokens.Session> sessions) {}

    @GetMapping("/export")
    ResponseEntity<Export> export(@AuthenticationPrincipal Jwt jwt) {
        UserAccount u = users.findById(UUID.fromString(jwt.getSubject()))
                .orElseThrow(() -> ProblemException.notFound("The account"));
        Export export = new Export(
                Instant.now(),
                new AccountExport(
                        u.id(),
                        u.email(),
                        u.emailVerified(),
                        u.displayName(),
                        u.avatarUrl(),
                        u.bio(),
                        u.timeZone(),
                        u.locale(),
                        u.roles(),
                        u.tier(),
                        u.suspended(),
                        u.googleSub() != null,
                        u.passwordHash() != null,
                        u.referralCode(),
                        u.createdAt()),
                settings.find(u.id()),
                referrals.referrerOf(u.id()).orElse(null),
                referrals.madeBy(u.id()),
                refreshTokens.sessions(u.id()));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lectern-account.json\"")
                .body(export);
    }

    /**
     * Accounts with a password confirm with it; accounts that only sign in with Google confirm by
     * typing their address.
     */
    record DeleteRequest(
            @Nullable @Size(max = 1024) String password,
            @Nullable @Size(max = 254) String email) {}

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody DeleteRequest r) {
        UserAccount u = users.lockById(UUID.fromString(jwt.getSubject()))
                .orElseThrow(() -> ProblemException.notFound("The account"));
        if (u.passwordHash() != null) {
            accounts.confirmPassword(u, r.password() == null ? "" : r.password());
        } else if (r.email() == null || !r.email().strip().equalsIgnoreCase(u.email())) {
            throw ProblemException.forbidden("Type the account's email address to confirm.");
        }
        // every table of this schema refers to users with ON DELETE CASCADE
        users.delete(u.id());
        events.publish(u.id().toString(), new UserDeleted(u.id(), Instant.now()));
    }
}
