package io.lectern.identity.google;

import io.lectern.identity.account.UserAccount;
import io.lectern.identity.token.AuthController;
import io.lectern.identity.token.SignInService;
import io.lectern.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browser flow: start redirects to Google; the callback signs the user in by setting the refresh
 * cookie and redirecting to the app, which then gets an access token from /api/v1/auth/refresh.
 */
@RestController
@RequestMapping("/api/v1/auth/google")
class GoogleController {

    private final GoogleSignIn google;
    private final SignInService signIn;
    private final AuthController auth;
    private final GoogleProperties props;

    GoogleController(GoogleSignIn google, SignInService signIn, AuthController auth, GoogleProperties props) {
        this.google = google;
        this.signIn = signIn;
        this.auth = auth;
        this.props = props;
    }

    @GetMapping("/start")
    ResponseEntity<Void> start() {
        return ResponseEntity.status(302)
                .location(google.start())
                .cacheControl(CacheControl.noStore())
                .build();
    }

    @GetMapping("/callback")
    ResponseEntity<Void> callback(
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String error,
            HttpServletRequest request) {
        UserAccount user = google.complete(code, state, error);
        if (!user.canSignIn()) {
            throw ProblemException.unauthorized("Sign-in failed: this account cannot sign in.");
        }
        SignInService.Tokens tokens = signIn.issue(user, request.getHeader("User-Agent"), request.getRemoteAddr());
        return ResponseEntity.status(302)
                .location(URI.create(props.successRedirect()))
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.SET_COOKIE,
                        auth.cookie(
                                        tokens.refresh().rawToken(),
                                        Duration.between(
                                                Instant.now(), tokens.refresh().expiresAt()))
                                .toString())
                .build();
    }
}
