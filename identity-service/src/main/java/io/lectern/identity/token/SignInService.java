package io.lectern.identity.token;

import io.lectern.identity.account.LoginThrottle;
import io.lectern.identity.account.PasswordHasher;
import io.lectern.identity.account.UserAccount;
import io.lectern.identity.account.Users;
import io.lectern.platform.web.ProblemException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password sign-in and token refresh. Every way a sign-in can fail (unknown address, wrong password,
 * address not yet verified, suspended account, Google-only account) gives the same 401 after the
 * same Argon2 work.
 */
@Service
public class SignInService {

    private static final Logger log = LoggerFactory.getLogger(SignInService.class);

    static final String LOGIN_FAILED =
            "Sign-in failed: the email or password is wrong, or the account is not activated yet.";

    private final Users users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final TransactionTemplate tx;

    SignInService(
            Users users,
            PasswordHasher hasher,
            LoginThrottle throttle,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            TransactionTemplate tx) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.tx = tx;
    }

    public record Tokens(AccessTokens.Issued access, RefreshTokens.Issued refresh) {}

    public Tokens signIn(String email, String password, @Nullable String userAgent, String ip) {
        throttle.check(email, ip);
        Optional<UserAccount> user = users.findByEmail(email);
        boolean passwordOk =
                hasher.matches(password, user.map(UserAccount::passwordHash).orElse(null));
        if (!passwordOk || user.isEmpty() || !user.get().canSignIn()) {
            throttle.recordFailure(email, ip);
            throw ProblemException.unauthorized(LOGIN_FAILED);
        }
        throttle.recordSuccess(email);
        return issue(user.get(), userAgent, ip);
    }

    /** Starts a new session (token family) for an account that has already proven who it is. */
    public Tokens issue(UserAccount user, @Nullable String userAgent, @Nullable String ip) {
        RefreshTokens.Issued refresh = tx.execute(s -> refreshTokens.issue(user.id(), null, userAgent, ip));
        return new Tokens(accessTokens.issue(user), java.util.Objects.requireNonNull(refresh));
    }

    public Tokens refresh(String raw, @Nullable String userAgent, @Nullable String ip) {
        RefreshTokens.Rotation rotation = tx.execute(s -> refreshTokens.rotate(raw, userAgent, ip));
        if (rotation instanceof RefreshTokens.Rotated rotated) {
            UserAccount user = users.findById(rotated.userId()).orElse(null);
            if (user == null || user.suspended()) {
                refreshTokens.revokeFamily(rotated.next().familyId());
                throw invalidRefresh();
            }
            return new Tokens(accessTokens.issue(user), rotated.next());
        }
        if (rotation instanceof RefreshTokens.Reused reused) {
            log.warn(
                    "Spent refresh token presented again; session {} of user {} revoked",
                    reused.familyId(),
                    reused.userId());
        }
        throw invalidRefresh();
    }

    public void signOut(String raw) {
        refreshTokens.revokeFamilyOf(raw);
    }

    public java.util.List<RefreshTokens.Session> sessions(UUID userId) {
        return refreshTokens.sessions(userId);
    }

    static ProblemException invalidRefresh() {
        return ProblemException.unauthorized("The session has ended; sign in again.");
    }
}
