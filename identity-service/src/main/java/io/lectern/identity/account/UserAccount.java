package io.lectern.identity.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One account as stored; never leaves the service as is (controllers map it to response records). */
public record UserAccount(
        UUID id,
        String email,
        boolean emailVerified,
        @Nullable String passwordHash,
        String displayName,
        @Nullable String avatarUrl,
        @Nullable String bio,
        String timeZone,
        String locale,
        List<String> roles,
        String tier,
        boolean suspended,
        @Nullable String googleSub,
        String referralCode,
        long version,
        Instant createdAt) {

    /** Never prints the password hash or the address, in case an account ends up in a log line. */
    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", roles=" + roles + ", tier=" + tier + ", suspended=" + suspended + "]";
    }

    public boolean canSignIn() {
        return emailVerified && !suspended;
    }
}
