package io.lectern.platform.crypto;

import java.util.Set;

/**
 * Refuses to run with a secret that is missing, too short, or one of the values that were once
 * compiled into this repository (and so are public): a service must never start on a secret an
 * attacker can read on GitHub.
 */
public final class BuiltInSecrets {

    /** Values that shipped as defaults in earlier versions of the code or the docs. */
    static final Set<String> PUBLISHED = Set.of(
            "bGVjdGVybi1sb2NhbC1kZXYtc2VhbC1rZXktMzJieXQ=",
            "lectern-local-dev-newsletter-secret-change-me",
            "lectern-local-dev-cursor-secret-change-me",
            "lectern-local-dev-srs-grade-link-secret-change-me");

    private static final int MIN_LENGTH = 32;

    private BuiltInSecrets() {}

    /**
     * @return {@code value} when it is usable
     * @throws IllegalStateException naming the setting and how to get a good value, otherwise
     */
    public static String require(String setting, String value) {
        String hint = " ./lectern up generates local secrets in ~/.config/lectern/secrets.env; for compose or"
                + " Kubernetes set " + setting + " to the output of: openssl rand -base64 32";
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(setting + " is not set." + hint);
        }
        if (PUBLISHED.contains(value.trim())) {
            throw new IllegalStateException(
                    setting + " is a value published in the Lectern source code; it protects nothing." + hint);
        }
        if (value.trim().length() < MIN_LENGTH) {
            throw new IllegalStateException(setting + " is shorter than " + MIN_LENGTH + " characters." + hint);
        }
        return value.trim();
    }
}
