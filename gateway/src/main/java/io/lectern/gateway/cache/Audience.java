package io.lectern.gateway.cache;

import io.lectern.gateway.auth.Caller;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which readers a service says an answer is the same for (ADR 0114), from its
 * {@value PublicAnswerCache#SHARED_AUDIENCE} header: content's premium post reads the same, byte for
 * byte, for every reader entitled to its body, and (as a teaser) for every other reader except the post's
 * author. Directives, comma-separated:
 * <ul>
 *   <li>{@code max-age=N}: how many seconds the gateway may keep the answer (required, above 0);
 *   <li>{@code holders=C C ...}: the answer is for every verified reader holding at least one of the
 *       claims; or
 *   <li>{@code others=C C ...}: it is for every reader, anonymous or verified, holding none of them;
 *   <li>{@code except=SUBJECT} (with {@code others} only): but not for that reader.
 * </ul>
 * A claim is {@code role:NAME} or {@code tier:NAME} ({@link Caller#holdsAny}). A value that does not
 * follow these rules is no audience: the answer is then not kept.
 *
 * @param holders true for a {@code holders} audience, false for an {@code others} one
 */
record Audience(
        long maxAgeSeconds,
        boolean holders,
        Set<String> claims,
        @Nullable String except) {

    /** The audience a header value describes, or null when it describes none. */
    static @Nullable Audience parse(@Nullable String value) {
        if (value == null) {
            return null;
        }
        long maxAge = -1;
        Boolean holders = null;
        Set<String> claims = Set.of();
        String except = null;
        for (String directive : value.split(",")) {
            String trimmed = directive.strip();
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            String name = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String argument = trimmed.substring(eq + 1).strip();
            switch (name) {
                case "max-age" -> {
                    if (maxAge >= 0) {
                        return null;
                    }
                    maxAge = seconds(argument);
                }
                case "holders", "others" -> {
                    if (holders != null) {
                        return null;
                    }
                    holders = name.equals("holders");
                    claims = claims(argument);
                }
                case "except" -> {
                    if (except != null || argument.isEmpty()) {
                        return null;
                    }
                    except = argument;
                }
                default -> {
                    return null;
                }
            }
        }
        if (maxAge <= 0 || holders == null || claims.isEmpty() || (holders && except != null)) {
            return null;
        }
        return new Audience(maxAge, holders, claims, except);
    }

    /** Whether the answer is the one this reader (null: anonymous) gets. */
    boolean admits(@Nullable Caller caller) {
        if (holders) {
            return caller != null && caller.holdsAny(claims);
        }
        return caller == null || (!caller.holdsAny(claims) && !caller.subject().equals(except));
    }

    private static Set<String> claims(String argument) {
        Set<String> out = new LinkedHashSet<>();
        for (String claim : argument.split(" ")) {
            String lower = claim.strip().toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                continue;
            }
            if (!(lower.startsWith("role:") || lower.startsWith("tier:")) || lower.indexOf(':') == lower.length() - 1) {
                return Set.of();
            }
            out.add(lower);
        }
        return Set.copyOf(out);
    }

    private static long seconds(String argument) {
        try {
            return Long.parseLong(argument);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
