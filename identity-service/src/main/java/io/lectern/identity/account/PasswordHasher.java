package io.lectern.identity.account;

import io.lectern.platform.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id hashing. {@link #matches} against an account without a password (or no account at all)
 * still verifies a dummy hash, so a wrong email costs as much time as a wrong password. At most
 * {@code maxConcurrent} hashes run at once: each holds its whole memory cost (19 MiB) in the Java heap,
 * and a burst of sign-ins, each on its own virtual thread, otherwise runs the service out of heap. A
 * sign-in that cannot get a turn within {@code maxWait} is answered 503 with Retry-After.
 */
public final class PasswordHasher {

    private final Argon2PasswordEncoder encoder;
    private final HashingTurns turns;
    private final String dummyHash;

    public PasswordHasher(AccountProperties.Argon2 p) {
        this.encoder = new Argon2PasswordEncoder(
                p.saltLength(), p.hashLength(), p.parallelism(), p.memoryKib(), p.iterations());
        this.turns = new HashingTurns(p.maxConcurrent(), p.maxWait());
        this.dummyHash = turns.run(() -> encoder.encode(Secrets.newToken()));
    }

    public String hash(String raw) {
        return turns.run(() -> encoder.encode(raw));
    }

    public boolean matches(String raw, @Nullable String hash) {
        if (hash == null) {
            turns.run(() -> encoder.matches(raw, dummyHash));
            return false;
        }
        return turns.run(() -> encoder.matches(raw, hash));
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
