package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GoogleSignInTest extends IdentityTestSupport {

    private final GoogleStandIn google = GoogleStandIn.get();

    private Map<String, String> start() {
        Response r = httpGet("/api/v1/auth/google/start");
        assertThat(r.status()).isEqualTo(302);
        URI location = URI.create(r.header("Location"));
        assertThat(location.toString()).startsWith(google.url("/o/oauth2/v2/auth"));
        Map<String, String> q = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return q;
    }

    private Response callback(String code, String state) {
        return httpGet("/api/v1/auth/google/callback?code=" + code + "&state=" + state);
    }

    private String signedInUser(Response callback) {
        assertThat(callback.status()).as(callback.body()).isEqualTo(302);
        assertThat(callback.header("Location")).isEqualTo("/signed-in");
        String cookie = callback.header("Set-Cookie");
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth");
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        Response refreshed = post("/api/v1/auth/refresh", null, "Cookie", "lectern_refresh=" + value);
        assertThat(refreshed.status()).isEqualTo(200);
        String access = refreshed.json().get("accessToken").asString();
        return httpGet("/api/v1/users/me", "Authorization", bearer(access))
                .json()
                .get("id")
                .asString();
    }

    @Test
    void startRedirectsWithStateNonceAndPkceS256() throws Exception {
        Map<String, String> q = start();
        assertThat(q)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", GoogleStandIn.CLIENT_ID)
                .containsEntry("scope", "openid email profile")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "http://localhost/api/v1/auth/google/callback");
        assertThat(q.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(q.get("nonce")).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(q.get("state"));
        assertThat(q.get("code_challenge")).hasSize(43);
    }

    @Test
    void happyPathCreatesAVerifiedAccountAndSendsThePkceVerifier() throws Exception {
        Map<String, String> q = start();
        String email = newEmail();
        String sub = "g-" + UUID.randomUUID();
        google.answerTokenRequestWith(google.idToken(sub, email, true, q.get("nonce"), GoogleStandIn.CLIENT_ID));
        String userId = signedInUser(callback("auth-code-1", q.get("state")));

        assertThat(userId).isEqualTo(userId(email).toString());
        assertThat(jdbc.sql("SELECT email_verified AND password_hash IS NULL FROM users WHERE google_sub = :s")
                        .param("s", sub)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        String form = google.tokenRequests().getLast().getBodyAsString();
        Map<String, String> sent = new HashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            sent.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(sent).containsEntry("code", "auth-code-1").containsEntry("grant_type", "authorization_code");
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(sent.get("code_verifier").getBytes(StandardCharsets.US_ASCII)));
        assertThat(challenge).isEqualTo(q.get("code_challenge"));

        // second sign-in with the same Google subject: the same account
        Map<String, String> again = start();
        google.answerTokenRequestWith(google.idToken(sub, email, true, again.get("nonce"), GoogleStandIn.CLIENT_ID));
        assertThat(signedInUser(callback("auth-code-2", again.get("state")))).isEqualTo(userId);
    }

    @Test
    void googleIdentityLinksToAnExistingVerifiedAccountWithTheSameEmail() {
        String email = newEmail();
        UUID existing = verifiedUser(email);
        Map<String, String> q = start();
        google.answerTokenRequestWith(
                google.idToken("g-" + UUID.randomUUID(), email, true, q.get("nonce"), GoogleStandIn.CLIENT_ID));
        assertThat(signedInUser(callback("c", q.get("state")))).isEqualTo(existing.toString());
        login(email, PASSWORD); // the password still works
    }

    @Test
    void anAccountLinkedToAnotherGoogleIdentityIsNotRelinkedByEmail() {
        String email = newEmail();
        UUID existing = verifiedUser(email);
        Map<String, String> first = start();
        String owner = "g-" + UUID.randomUUID();
        google.answerTokenRequestWith(google.idToken(owner, email, true, first.get("nonce"), GoogleStandIn.CLIENT_ID));
        assertThat(signedInUser(callback("c", first.get("state")))).isEqualTo(existing.toString());

        // the address now belongs to someone else at Google (a new subject claims it)
        Map<String, String> second = start();
        google.answerTokenRequestWith(
                google.idToken("g-" + UUID.randomUUID(), email, true, second.get("nonce"), GoogleStandIn.CLIENT_ID));
        assertProblem(callback("c", second.get("state")), 409);
        assertThat(jdbc.sql("SELECT google_sub FROM users WHERE id = :id")
                        .param("id", existing)
                        .query(String.class)
                        .single())
                .isEqualTo(owner);
        login(email, PASSWORD); // the owner's password still works
    }

    @Test
    void anUnverifiedPreRegistrationIsTakenOverAndItsPasswordDropped() {
        String email = newEmail();
        register(email, "attacker chosen password");
        UUID id = userId(email);
        Map<String, String> q = start();
        google.answerTokenRequestWith(
                google.idToken("g-" + UUID.randomUUID(), email, true, q.get("nonce"), GoogleStandIn.CLIENT_ID));
        assertThat(signedInUser(callback("c", q.get("state")))).isEqualTo(id.toString());
        assertProblem(post("/api/v1/auth/login", Map.of("email", email, "password", "attacker chosen password")), 401);
        // nothing the unproven registrant chose stays: the profile is the Google account's
        assertThat(jdbc.sql("SELECT display_name || '|' || time_zone || '|' || locale FROM users WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Google User|UTC|en");
        assertThat(events(id, "identity.user-profile-changed.v1"))
                .last()
                .satisfies(e -> assertThat(e.get("displayName").asString()).isEqualTo("Google User"));
    }

    @Test
    void forgedStateIsRefused() {
        start();
        assertProblem(callback("c", "forged-state-value-forged-state-value-forged"), 400);
        assertProblem(httpGet("/api/v1/auth/google/callback?code=c"), 400);
    }

    @Test
    void replayedStateIsRefused() {
        Map<String, String> q = start();
        String email = newEmail();
        google.answerTokenRequestWith(
                google.idToken("g-" + UUID.randomUUID(), email, true, q.get("nonce"), GoogleStandIn.CLIENT_ID));
        signedInUser(callback("c", q.get("state")));
        assertProblem(callback("c", q.get("state")), 400);
    }

    @Test
    void wrongNonceWrongAudienceAndUnverifiedEmailAreRefused() {
        Map<String, String> q = start();
        String email = newEmail();
        google.answerTokenRequestWith(google.idToken("g-1", email, true, "some-other-nonce", GoogleStandIn.CLIENT_ID));
        assertProblem(callback("c", q.get("state")), 400);

        Map<String, String> q2 = start();
        google.answerTokenRequestWith(google.idToken("g-2", email, true, q2.get("nonce"), "another-client"));
        assertProblem(callback("c", q2.get("state")), 400);

        Map<String, String> q3 = start();
        google.answerTokenRequestWith(google.idToken("g-3", email, false, q3.get("nonce"), GoogleStandIn.CLIENT_ID));
        assertProblem(callback("c", q3.get("state")), 403);

        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email_normalized = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
