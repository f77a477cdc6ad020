package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;

class RegistrationAndVerificationTest extends IdentityTestSupport {

    @Autowired
    RedisClient redis;

    @Value("${lectern.events.namespace}")
    String namespace;

    @Test
    void registrationEventsLeaveThroughTheRelayToIdentitysStream() {
        String email = newEmail();
        register(email, PASSWORD);
        String id = userId(email).toString();
        String stream = namespace + ":events:identity";
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                redis.xrange(stream, StreamEntryID.MINIMUM_ID, StreamEntryID.MAXIMUM_ID).stream()
                                        .map(StreamEntry::getFields)
                                        .filter(f -> id.equals(f.get("aggregateId")))
                                        .map(f -> f.get("type")))
                        .containsExactly("identity.user-registered.v1", "identity.email-verification-requested.v1"));
    }

    @Test
    void registrationEmitsEventsWithSealedSingleUseVerificationToken() {
        String email = newEmail();
        Response r = register(email, PASSWORD);
        assertThat(r.status()).isEqualTo(202);
        UUID id = userId(email);

        assertThat(events(id).stream().map(Map.Entry::getKey))
                .containsExactly("identity.user-registered.v1", "identity.email-verification-requested.v1");
        JsonNode requested =
                events(id, "identity.email-verification-requested.v1").getFirst();
        assertThat(requested.get("email").asString()).isEqualTo(email);
        String raw =
                sealer.unseal("email-verification", requested.get("sealedToken").asString());
        assertThat(raw).hasSizeGreaterThanOrEqualTo(43); // 32 random bytes, base64url

        // not activated yet: the generic sign-in failure
        Response early = post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertProblem(early, 401);

        Response verified = post("/api/v1/auth/verify", Map.of("token", raw));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("verified").asBoolean()).isTrue();
        assertThat(events(id, "identity.email-verified.v1")).hasSize(1);

        assertProblem(post("/api/v1/auth/verify", Map.of("token", raw)), 400); // single use
        assertThat(login(email, PASSWORD).get("accessToken").asString()).isNotBlank();
    }

    @Test
    void duplicateVerifiedEmailAnswersLikeAFreshRegistrationAndSendsNothing() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        int eventsBefore = events(id).size();
        Response fresh = register(newEmail(), PASSWORD);
        Response duplicate = register(email.toUpperCase(), "another password 123");

        assertThat(duplicate.status()).isEqualTo(fresh.status()).isEqualTo(202);
        assertThat(duplicate.body()).isEqualTo(fresh.body());
        assertThat(events(id)).hasSize(eventsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email_normalized = lower(:e)")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the first owner's password still works, the second registrant's does not
        login(email, PASSWORD);
        assertProblem(post("/api/v1/auth/login", Map.of("email", email, "password", "another password 123")), 401);
    }

    @Test
    void reRegisteringAnUnverifiedEmailReplacesItsPasswordAndOnlyTheNewestLinkWorks() {
        String email = newEmail();
        register(email, "first password 1234");
        UUID id = userId(email);
        String firstLink = verificationToken(id);
        assertThat(register(email, PASSWORD).status()).isEqualTo(202);
        String secondLink = verificationToken(id);
        assertThat(secondLink).isNotEqualTo(firstLink);

        assertProblem(post("/api/v1/auth/verify", Map.of("token", firstLink)), 400);
        assertThat(post("/api/v1/auth/verify", Map.of("token", secondLink)).status())
                .isEqualTo(200);
        login(email, PASSWORD);
    }

    @Test
    void tooShortAndTooLongPasswordsAre422WithFieldErrorsAndWriteNothing() {
        String email = newEmail();
        Response shortOne = register(email, "short pw 11");
        assertProblem(shortOne, 422);
        assertThat(shortOne.json().get("errors").get(0).get("field").asString()).isEqualTo("password");

        Response longOne = register(email, "x".repeat(129));
        assertProblem(longOne, 422);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email_normalized = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
        // boundaries are accepted: 12 and 128 characters (code points)
        assertThat(register(newEmail(), "twelve chars").status()).isEqualTo(202);
        assertThat(register(newEmail(), "é".repeat(128)).status()).isEqualTo(202);
    }

    @Test
    void malformedRequestsAreProblems() {
        assertProblem(
                post(
                        "/api/v1/auth/register",
                        Map.of("email", "not-an-email", "password", PASSWORD, "displayName", "A")),
                400);
        assertProblem(post("/api/v1/auth/register", "{broken json"), 400);
        assertProblem(
                post(
                        "/api/v1/auth/register",
                        Map.of("email", newEmail(), "password", PASSWORD, "displayName", "A", "timeZone", "Mars/Base")),
                400);
        Response unknownCode = post(
                "/api/v1/auth/register",
                Map.of("email", newEmail(), "password", PASSWORD, "displayName", "A", "referralCode", "NOPE1234"));
        assertProblem(unknownCode, 422);
    }

    @Test
    void forgedExpiredAndWrongPurposeVerificationTokensAreRefusedAlike() {
        assertProblem(
                post("/api/v1/auth/verify", Map.of("token", "forged-token-that-was-never-issued-by-us-123")), 400);

        String email = newEmail();
        register(email, PASSWORD);
        UUID id = userId(email);
        String raw = verificationToken(id);
        jdbc.sql("UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = :u")
                .param("u", id)
                .update();
        Response expired = post("/api/v1/auth/verify", Map.of("token", raw));
        assertProblem(expired, 400);
        assertThat(jdbc.sql("SELECT email_verified FROM users WHERE id = :u")
                        .param("u", id)
                        .query(Boolean.class)
                        .single())
                .isFalse();

        // a reset token is not a verification token
        post("/api/v1/auth/password-reset", Map.of("email", email));
        String resetToken = latestLinkToken(id, "identity.password-reset-requested.v1", "password-reset");
        assertProblem(post("/api/v1/auth/verify", Map.of("token", resetToken)), 400);
    }

    @Test
    void resendIssuesAFreshLinkOnlyForUnverifiedAccountsAndAnswersAlike() {
        String email = newEmail();
        register(email, PASSWORD);
        UUID id = userId(email);
        Response resend = post("/api/v1/auth/verification/resend", Map.of("email", email));
        Response unknown = post("/api/v1/auth/verification/resend", Map.of("email", newEmail()));
        assertThat(resend.status()).isEqualTo(unknown.status()).isEqualTo(202);
        assertThat(resend.body()).isEqualTo(unknown.body());
        assertThat(events(id, "identity.email-verification-requested.v1")).hasSize(2);

        post("/api/v1/auth/verify", Map.of("token", verificationToken(id)));
        post("/api/v1/auth/verification/resend", Map.of("email", email));
        assertThat(events(id, "identity.email-verification-requested.v1")).hasSize(2);
    }
}
