package io.lectern.content.access;

import io.lectern.platform.web.ProblemException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, read from the verified access token. Public endpoints also see a caller when a token
 * was sent, which is how premium bodies reach premium readers on the same URL everyone uses.
 */
public record Caller(
        UUID userId, Set<String> authorities, @Nullable String tokenName) {

    public static Optional<Caller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken jwt) || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(jwt.getToken().getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        Set<String> authorities = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        String name = jwt.getToken().getClaimAsString("name");
        return Optional.of(new Caller(id, authorities, name));
    }

    /** The caller of an endpoint that security already restricted to signed-in users. */
    public static Caller required() {
        return current().orElseThrow(() -> ProblemException.unauthorized("Authentication is required."));
    }

    public boolean isStaff() {
        return authorities.contains("ROLE_EDITOR") || authorities.contains("ROLE_ADMIN");
    }

    public boolean isAdmin() {
        return authorities.contains("ROLE_ADMIN");
    }

    public boolean canAuthor() {
        return isStaff() || authorities.contains("ROLE_AUTHOR");
    }

    public boolean isPremium() {
        return authorities.contains("TIER_PREMIUM");
    }

    /** Staff may act on anything; authors only on what they own. */
    public boolean mayManage(UUID ownerId) {
        return isStaff() || (canAuthor() && userId.equals(ownerId));
    }

    /** A premium reader or staff: whoever holds one of these may read every premium body. */
    private static final List<String> PREMIUM_OR_STAFF = List.of("TIER_PREMIUM", "ROLE_EDITOR", "ROLE_ADMIN");

    /**
     * The same, as the token's claims the gateway reads when content tells it who an answer is for
     * (ADR 0114): {@code tier:premium role:editor role:admin}.
     */
    public static final String PREMIUM_OR_STAFF_CLAIMS = PREMIUM_OR_STAFF.stream()
            .map(authority -> authority.replaceFirst("_", ":").toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(" "));

    public static boolean premiumOrStaff(Optional<Caller> caller) {
        return caller.map(c -> PREMIUM_OR_STAFF.stream().anyMatch(c.authorities()::contains))
                .orElse(false);
    }
}
