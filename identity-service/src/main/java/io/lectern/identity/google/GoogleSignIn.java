package io.lectern.identity.google;

import io.lectern.contracts.events.identity.EmailVerified;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.eventbus.EventPublisher;
import io.lectern.identity.account.ProfileChanges;
import io.lectern.identity.account.Secrets;
import io.lectern.identity.account.UserAccount;
import io.lectern.identity.account.Users;
import io.lectern.identity.referral.Referrals;
import io.lectern.platform.web.ProblemException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Google sign-in as an OpenID Connect client. {@code state} (CSRF), {@code nonce} (ID-token replay)
 * and the PKCE verifier rest in Redis for ten minutes and are taken with GETDEL, so each sign-in
 * attempt can complete once. The ID token is checked like any other: signature against Google's
 * published keys, issuer, audience, expiry, nonce, and a verified email.
 */
@Service
class GoogleSignIn {

    private static final Logger log = LoggerFactory.getLogger(GoogleSignIn.class);

    private final GoogleProperties props;
    private final RedisClient redis;
    private final Users users;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final RestClient http;
    private final NimbusJwtDecoder idTokens;
    private final String prefix;
    private final ProfileChanges profileChanges;

    GoogleSignIn(
            GoogleProperties props,
            RedisClient redis,
            Users users,
            EventPublisher events,
            ProfileChanges profileChanges,
            TransactionTemplate tx,
            @Value("${lectern.events.namespace:lectern}") String namespace) {
        this.props = props;
        this.redis = redis;
        this.users = users;
        this.events = events;
        this.profileChanges = profileChanges;
        this.tx = tx;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(props.timeout());
        factory.setReadTimeout(props.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
        this.idTokens = NimbusJwtDecoder.withJwkSetUri(props.jwkSetUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        this.idTokens.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(),
                jwt -> jwt.getIssuer() != null && props.issuers().contains(jwt.getClaimAsString("iss"))
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "issuer", null)),
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(props.clientId())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "audience", null)),
                jwt -> jwt.getExpiresAt() != null
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expiry", null))));
        this.prefix = namespace + ":identity:oauth-state:";
    }

    /** The URL of Google's consent page for a new sign-in attempt. */
    URI start() {
        if (!props.configured()) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE, "Google sign-in unavailable", "Google sign-in is not configured.");
        }
        String state = Secrets.newToken();
        String nonce = Secrets.newToken();
        String verifier = Secrets.newToken();
        redis.set(
                prefix + Secrets.sha256Hex(state),
                nonce + " " + verifier,
                SetParams.setParams().px(props.stateTtl().toMillis()));
        return UriComponentsBuilder.fromUri(props.authorizationUri())
                .queryParam("response_type", "code")
                .queryParam("client_id", props.clientId())
                .queryParam("redirect_uri", props.redirectUri().toString())
                .queryParam("scope", "openid email profile")
                .queryParam("state", state)
                .queryParam("nonce", nonce)
                .queryParam("code_challenge", challenge(verifier))
                .queryParam("code_challenge_method", "S256")
                .queryParam("prompt", "select_account")
                .encode()
                .build()
                .toUri();
    }

    /** Completes an attempt: the account the Google identity belongs to (linked or created). */
    UserAccount complete(@Nullable String code, @Nullable String state, @Nullable String error) {
        if (state == null || state.isBlank() || state.length() > 128) {
            throw invalidAttempt();
        }
        String stored = redis.getDel(prefix + Secrets.sha256Hex(state));
        if (stored == null) {
            throw invalidAttempt();
        }
        if (error != null || code == null || code.isBlank()) {
            throw ProblemException.badRequest("Google sign-in was cancelled or refused.");
        }
        String nonce = stored.substring(0, stored.indexOf(' '));
        String verifier = stored.substring(stored.indexOf(' ') + 1);
        Jwt idToken = verify(exchange(code, verifier), nonce);
        return tx.execute(s -> link(idToken));
    }

    private String exchange(String code, String verifier) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", props.redirectUri().toString());
        form.add("client_id", props.clientId());
        form.add("client_secret", props.clientSecret());
        form.add("code_verifier", verifier);
        try {
            Map<?, ?> body = http.post()
                    .uri(props.tokenUri())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .retrieve()
                    .body(Map.class);
            if (body != null && body.get("id_token") instanceof String idToken) {
                return idToken;
            }
            log.warn("Google token response carried no id_token");
        } catch (RestClientException e) {
            log.warn("Google code exchange failed: {}", e.getMessage());
        }
        throw new ProblemException(
                HttpStatus.BAD_GATEWAY, "Google sign-in failed", "Google did not confirm the sign-in.");
    }

    private Jwt verify(String idToken, String nonce) {
        Jwt jwt;
        try {
            jwt = idTokens.decode(idToken);
        } catch (JwtException e) {
            log.warn("Google ID token rejected: {}", e.getMessage());
            throw invalidAttempt();
        }
        if (!nonce.equals(jwt.getClaimAsString("nonce"))) {
            log.warn("Google ID token nonce does not match the sign-in attempt");
            throw invalidAttempt();
        }
        if (!Boolean.TRUE.equals(jwt.getClaim("email_verified")) || jwt.getClaimAsString("email") == null) {
            throw ProblemException.forbidden("Google has not verified this account's email address.");
        }
        return jwt;
    }

    /**
     * By Google subject first (emails can change hands), then a verified account with the same address.
     * An unverified account with that address never proved the mailbox, while Google just did: it is
     * taken over and its password dropped, so whoever registered it cannot sign in. An account already
     * linked to another Google identity is never re-linked: an address that changed hands at Google
     * must not hand its new owner the old owner's account (409, nothing written).
     */
    private UserAccount link(Jwt idToken) {
        String sub = idToken.getSubject();
        String email = idToken.getClaimAsString("email");
        Optional<UserAccount> bySub = users.findByGoogleSub(sub);
        if (bySub.isPresent()) {
            return bySub.get();
        }
        Optional<UserAccount> byEmail = users.lockByEmail(email);
        if (byEmail.isPresent()) {
            UserAccount u = byEmail.get();
            if (u.googleSub() != null && !u.googleSub().equals(sub)) {
                throw ProblemException.conflict(
                                "This address belongs to an account linked to another Google account: sign in with"
                                        + " that Google account or with the account's password.")
                        .with("field", "email");
            }
            users.linkGoogle(u.id(), sub, !u.emailVerified());
            if (!u.emailVerified()) {
                // Taken over: nothing the unproven registrant chose stays (a name like "Support" or an
                // avatar would otherwise speak for the mailbox's real owner); the profile starts as a new
                // Google account's would, and the services that copy names hear it.
                String name = googleName(idToken, email);
                users.updateProfile(u.id(), name, null, null, "UTC", "en");
                profileChanges.publish(u.id());
                events.publish(u.id().toString(), new EmailVerified(u.id(), u.email(), name, "en", Instant.now()));
            }
            return users.findById(u.id()).orElseThrow();
        }
        UUID id = UUID.randomUUID();
        String name = googleName(idToken, email);
        if (!users.insert(new Users.NewUser(id, email, true, null, name, "UTC", "en", sub, Referrals.newCode()))) {
            throw ProblemException.conflict("The account is being created by another request; try again.");
        }
        Instant now = Instant.now();
        events.publish(id.toString(), new UserRegistered(id, email, name, "en", "UTC", null, now));
        events.publish(id.toString(), new EmailVerified(id, email, name, "en", now));
        return users.findById(id).orElseThrow();
    }

    /** Google's display name (at most 60 characters), else the address's local part. */
    private static String googleName(Jwt idToken, String email) {
        return Optional.ofNullable(idToken.getClaimAsString("name"))
                .filter(n -> !n.isBlank())
                .map(n -> n.length() > 60 ? n.substring(0, 60) : n)
                .orElse(email.substring(0, email.indexOf('@')));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalidAttempt() {
        return ProblemException.badRequest("The sign-in attempt is invalid, was already used or has expired.");
    }
}
