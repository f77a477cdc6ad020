package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PrivacyTest extends IdentityTestSupport {

    @Test
    void exportHoldsEverythingAboutTheUserAndNoSecrets() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        JsonNode tokens = login(email, PASSWORD);
        String auth = bearer(tokens.get("accessToken").asString());
        Response r = httpGet("/api/v1/users/me/export", "Authorization", auth);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).contains("attachment");
        JsonNode export = r.json();
        assertThat(export.get("account").get("id").asString()).isEqualTo(id.toString());
        assertThat(export.get("account").get("email").asString()).isEqualTo(email);
        assertThat(export.get("settings").get("theme").asString()).isEqualTo("system");
        assertThat(export.get("sessions").size()).isEqualTo(1);
        assertThat(export.has("referralsMade")).isTrue();
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(r.body())
                .doesNotContain(hash)
                .doesNotContain(tokens.get("refreshToken").asString())
                .doesNotContain("argon2");
    }

    @Test
    void deletionNeedsThePasswordThenRemovesAllDataAndPublishesUserDeleted() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        String auth = bearer(accessToken(email));
        send(
                "PUT",
                "/api/v1/settings",
                Map.of(
                        "digestOptIn",
                        true,
                        "digestFrequency",
                        "weekly",
                        "newsletterOptIn",
                        false,
                        "notificationEmails",
                        true,
                        "commentReplyEmails",
                        true,
                        "theme",
                        "dark",
                        "readingFontSize",
                        16,
                        "codeTheme",
                        "default",
                        "showReadingProgress",
                        true),
                "Authorization",
                auth);

        assertProblem(
                send("DELETE", "/api/v1/users/me", Map.of("password", "wrong password 123"), "Authorization", auth),
                403);
        assertThat(count("users", id)).isEqualTo(1);

        assertThat(send("DELETE", "/api/v1/users/me", Map.of("password", PASSWORD), "Authorization", auth)
                        .status())
                .isEqualTo(204);
        assertThat(count("users", id)).isZero();
        assertThat(count("user_settings", id)).isZero();
        assertThat(count("refresh_tokens", id)).isZero();
        assertThat(count("email_tokens", id)).isZero();
        assertThat(events(id, "identity.user-deleted.v1")).hasSize(1);
        assertProblem(httpGet("/api/v1/users/me", "Authorization", auth), 404);
        assertProblem(post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)), 401);
    }

    private long count(String table, UUID id) {
        String column = table.equals("users") ? "id" : "user_id";
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
