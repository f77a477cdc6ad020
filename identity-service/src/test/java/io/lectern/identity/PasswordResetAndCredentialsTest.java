package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordResetAndCredentialsTest extends IdentityTestSupport {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    private String resetToken(UUID id) {
        return latestLinkToken(id, "identity.password-reset-requested.v1", "password-reset");
    }

    @Test
    void resetRequestAnswersAlikeForKnownAndUnknownAddresses() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        Response known = post("/api/v1/auth/password-reset", Map.of("email", email));
        Response unknown = post("/api/v1/auth/password-reset", Map.of("email", newEmail()));
        assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(events(id, "identity.password-reset-requested.v1")).hasSize(1);
    }

    @Test
    void resetSetsThePasswordRevokesEverySessionAndIsSingleUse() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        String refresh = login(email, PASSWORD).get("refreshToken").asString();
        post("/api/v1/auth/password-reset", Map.of("email", email));
        String token = resetToken(id);

        Response weak = post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "short"));
        assertProblem(weak, 422);
        // the weak attempt did not spend the token
        Response ok = post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD));
        assertThat(ok.status()).isEqualTo(204);

        assertProblem(post("/api/v1/auth/refresh", Map.of("refreshToken", refresh)), 401);
        assertProblem(post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)), 401);
        login(email, NEW_PASSWORD);
        assertProblem(
                post(
                        "/api/v1/auth/password-reset/confirm",
                        Map.of("token", token, "newPassword", "yet another passphrase")),
                400);
    }

    @Test
    void expiredForgedAndSupersededResetTokensAreRefused() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        post("/api/v1/auth/password-reset", Map.of("email", email));
        String first = resetToken(id);
        post("/api/v1/auth/password-reset", Map.of("email", email));
        String second = resetToken(id);
        assertProblem(
                post("/api/v1/auth/password-reset/confirm", Map.of("token", first, "newPassword", NEW_PASSWORD)), 400);

        jdbc.sql("UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = :u")
                .param("u", id)
                .update();
        assertProblem(
                post("/api/v1/auth/password-reset/confirm", Map.of("token", second, "newPassword", NEW_PASSWORD)), 400);
        assertProblem(
                post(
                        "/api/v1/auth/password-reset/confirm",
                        Map.of("token", "x".repeat(43), "newPassword", NEW_PASSWORD)),
                400);
        login(email, PASSWORD); // unchanged
    }

    @Test
    void changePasswordNeedsTheCurrentOneAndEndsAllSessions() {
        String email = newEmail();
        verifiedUser(email);
        var tokens = login(email, PASSWORD);
        String auth = bearer(tokens.get("accessToken").asString());
        assertProblem(
                post(
                        "/api/v1/users/me/password",
                        Map.of("currentPassword", "wrong password 123", "newPassword", NEW_PASSWORD),
                        "Authorization",
                        auth),
                403);
        assertProblem(
                post(
                        "/api/v1/users/me/password",
                        Map.of("currentPassword", PASSWORD, "newPassword", "tiny"),
                        "Authorization",
                        auth),
                422);
        assertThat(post(
                                "/api/v1/users/me/password",
                                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD),
                                "Authorization",
                                auth)
                        .status())
                .isEqualTo(204);
        assertProblem(
                post(
                        "/api/v1/auth/refresh",
                        Map.of("refreshToken", tokens.get("refreshToken").asString())),
                401);
        login(email, NEW_PASSWORD);
    }

    @Test
    void changeEmailTakesEffectOnlyWhenTheNewAddressIsVerified() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        String auth = bearer(accessToken(email));
        String newAddress = newEmail();
        assertProblem(
                post(
                        "/api/v1/users/me/email",
                        Map.of("newEmail", newAddress, "currentPassword", "wrong password 123"),
                        "Authorization",
                        auth),
                403);
        Response accepted = post(
                "/api/v1/users/me/email",
                Map.of("newEmail", newAddress, "currentPassword", PASSWORD),
                "Authorization",
                auth);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(httpGet("/api/v1/users/me", "Authorization", auth)
                        .json()
                        .get("email")
                        .asString())
                .isEqualTo(email);
        var request = events(id, "identity.email-verification-requested.v1").getLast();
        assertThat(request.get("email").asString()).isEqualTo(newAddress);

        Response verified = post("/api/v1/auth/verify", Map.of("token", verificationToken(id)));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(httpGet("/api/v1/users/me", "Authorization", auth)
                        .json()
                        .get("email")
                        .asString())
                .isEqualTo(newAddress);
        var changed = events(id, "identity.email-changed.v1");
        assertThat(changed).hasSize(1);
        assertThat(changed.getFirst().get("oldEmail").asString()).isEqualTo(email);
        login(newAddress, PASSWORD);
    }

    @Test
    void changeEmailToAnAddressTakenMeanwhileIsAConflictAtVerification() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        String target = newEmail();
        post(
                "/api/v1/users/me/email",
                Map.of("newEmail", target, "currentPassword", PASSWORD),
                "Authorization",
                bearer(accessToken(email)));
        String link = verificationToken(id);
        verifiedUser(target);
        assertProblem(post("/api/v1/auth/verify", Map.of("token", link)), 409);
        assertThat(jdbc.sql("SELECT email FROM users WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(email);
    }
}
