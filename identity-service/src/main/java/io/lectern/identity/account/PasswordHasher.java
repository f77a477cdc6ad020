package io.lectern.identity.account;

import io.lectern.platform.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Argon2id hashing. {@link #matches} against an account without a password (or no account at all)
 * still verifies a dummy hash, so a wrong email costs as much time as a wrong password. At most
 * {@code maxConcurrent} hashes run at once: each holds its whole memory cost (19 MiB) while it runs
 * (native memory with libargon2, {@link Argon2Engine}; the Java heap with the Java fallback, which a burst
 * of sign-ins, each on its own virtual thread, would otherwise run out of). A sign-in that cannot get a
 * turn within {@code maxWait} is answered 503 with Retry-After.
 */
public final class PasswordHasher {

    private final Argon2Engine engine;
    private final HashingTurns turns;
    private final String dummyHash;

    public PasswordHasher(AccountProperties.Argon2 p) {
        this.engine = Argon2Engine.create(p);
        this.turns = new HashingTurns(p.maxConcurrent(), p.maxWait());
        this.dummyHash = turns.run(() -> engine.encode(Secrets.newToken()));
    }

    public String hash(String raw) {
        return turns.run(() -> engine.encode(raw));
    }

    public boolean matches(String raw, @Nullable String hash) {
        if (hash == null) {
            turns.run(() -> engine.matches(raw, dummyHash));
            return false;
        }
        return turns.run(() -> engine.matches(raw, hash));
    }

    /** {@code native} or {@code java}: where this hasher's hashes are computed. */
    public String engine() {
        return engine.name();
    }

    /** The 422 answer for a password outside 12..128 characters (counted as code points). */
    public static void checkPolicy(String field, @Nullable String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < 12 || length > 128) {
            throw new ProblemException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "Unacceptable password",
                            "The password must be between 12 and 128 characters long.")
                    .with(
                            "errors",
                            List.of(Map.of("field", field, "message", "must be between 12 and 128 characters")));
        }
    }
}
