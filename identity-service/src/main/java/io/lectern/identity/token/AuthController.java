package io.lectern.identity.token;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in, refresh and sign-out. The refresh token comes back in the body (for apps) and in an
 * HttpOnly, Secure, SameSite=Strict cookie scoped to /api/v1/auth (for browsers: script never sees it
 * and no other site can make the browser send it).
 */
@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    public static final String REFRESH_COOKIE = "lectern_refresh";

    private final SignInService signIn;
    private final RefreshTokens refreshTokens;
    private final TokenProperties props;

    AuthController(SignInService signIn, RefreshTokens refreshTokens, TokenProperties props) {
        this.signIn = signIn;
        this.refreshTokens = refreshTokens;
        this.props = props;
    }

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = 1024) String password) {}

    public record TokenResponse(
            String accessToken, String tokenType, long expiresIn, String refreshToken, Instant refreshExpiresAt) {}

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest r, HttpServletRequest request) {
        return respond(
                signIn.signIn(r.email(), r.password(), request.getHeader("User-Agent"), request.getRemoteAddr()));
    }

    record RefreshRequest(@Nullable @Size(max = 128) String refreshToken) {}

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(
            @Valid @RequestBody(required = false) @Nullable RefreshRequest r,
            @CookieValue(name = REFRESH_COOKIE, required = false) @Nullable String cookie,
            HttpServletRequest request) {
        String raw = r != null && r.refreshToken() != null ? r.refreshToken() : cookie;
        if (raw == null || raw.isBlank()) {
            throw SignInService.invalidRefresh();
        }
        return respond(signIn.refresh(raw, request.getHeader("User-Agent"), request.getRemoteAddr()));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(
            @RequestBody(required = false) @Nullable RefreshRequest r,
            @CookieValue(name = REFRESH_COOKIE, required = false) @Nullable String cookie) {
        String raw = r != null && r.refreshToken() != null ? r.refreshToken() : cookie;
        if (raw != null && !raw.isBlank()) {
            signIn.signOut(raw);
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
                .build();
    }

    record SessionResponse(
            UUID id,
            Instant signedInAt,
            Instant lastRefreshedAt,
            Instant expiresAt,
            @Nullable String userAgent,
            @Nullable String ipAddress) {}

    @GetMapping("/sessions")
    List<SessionResponse> sessions(@AuthenticationPrincipal Jwt jwt) {
        return signIn.sessions(UUID.fromString(jwt.getSubject())).stream()
                .map(s -> new SessionResponse(
                        s.id(), s.signedInAt(), s.lastRefreshedAt(), s.expiresAt(), s.userAgent(), s.ipAddress()))
                .toList();
    }

    /** Sign out everywhere: every refresh token of the user is revoked (access tokens run out within minutes). */
    @DeleteMapping("/sessions")
    ResponseEntity<Void> signOutEverywhere(@AuthenticationPrincipal Jwt jwt) {
        refreshTokens.revokeAll(UUID.fromString(jwt.getSubject()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> signOutSession(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        if (!refreshTokens.revokeFamily(UUID.fromString(jwt.getSubject()), id)) {
            throw io.lectern.platform.web.ProblemException.notFound("The session");
        }
        return ResponseEntity.noContent().build();
    }

    ResponseEntity<TokenResponse> respond(SignInService.Tokens t) {
        long expiresIn = Duration.between(Instant.now(), t.access().expiresAt()).toSeconds();
        Duration cookieAge = Duration.between(Instant.now(), t.refresh().expiresAt());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookie(t.refresh().rawToken(), cookieAge).toString())
                .body(new TokenResponse(
                        t.access().token(),
                        "Bearer",
                        expiresIn,
                        t.refresh().rawToken(),
                        t.refresh().expiresAt()));
    }

    public ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(REFRESH_COOKIE, value)
                .httpOnly(true)
                .secure(props.secureCookie())
                .sameSite("Strict")
                .path("/api/v1/auth")
                .maxAge(maxAge)
                .build();
    }
}
