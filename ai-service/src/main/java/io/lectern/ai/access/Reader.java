package io.lectern.ai.access;

import io.lectern.platform.web.ProblemException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking, from the verified access token (anonymous when none was sent). Premium passages are
 * for premium readers and staff only.
 */
public record Reader(@Nullable UUID userId, Set<String> authorities) {

    public static final Reader ANONYMOUS = new Reader(null, Set.of());

    public static Reader current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken jwt) || !auth.isAuthenticated()) {
            return ANONYMOUS;
        }
        UUID id;
        try {
            id = UUID.fromString(jwt.getToken().getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return ANONYMOUS;
        }
        return new Reader(
                id,
                auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toSet()));
    }

    public static Reader required() {
        Reader r = current();
        if (r.userId == null) {
            throw ProblemException.unauthorized("Authentication is required.");
        }
        return r;
    }

    public UUID id() {
        if (userId == null) {
            throw ProblemException.unauthorized("Authentication is required.");
        }
        return userId;
    }

    public boolean signedIn() {
        return userId != null;
    }

    public boolean isStaff() {
        return authorities.contains("ROLE_ADMIN") || authorities.contains("ROLE_EDITOR");
    }

    public boolean canAuthor() {
        return isStaff() || authorities.contains("ROLE_AUTHOR");
    }

    /** Premium subscribers and staff see premium passages. */
    public boolean seesPremium() {
        return authorities.contains("TIER_PREMIUM") || isStaff();
    }
}
