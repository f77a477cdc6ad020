package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminUsersTest extends IdentityTestSupport {

    @Test
    void adminSearchesAndPagesUsers() {
        String admin = bearer(adminToken());
        String marker = "zz" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            register(marker + i + "@example.org", PASSWORD);
        }
        JsonNode page0 = httpGet("/api/v1/admin/users?q=" + marker + "&size=2&page=0", "Authorization", admin)
                .json();
        assertThat(page0.get("total").asLong()).isEqualTo(3);
        assertThat(page0.get("items").size()).isEqualTo(2);
        assertThat(page0.get("items").get(0).has("passwordHash")).isFalse();
        JsonNode page1 = httpGet("/api/v1/admin/users?q=" + marker + "&size=2&page=1", "Authorization", admin)
                .json();
        assertThat(page1.get("items").size()).isEqualTo(1);
        assertProblem(httpGet("/api/v1/admin/users?size=1000", "Authorization", admin), 400);
        // LIKE wildcards are matched literally
        assertThat(httpGet("/api/v1/admin/users?q=%25", "Authorization", admin)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void nonAdminsGet403AndAnonymousGets401() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        String reader = bearer(accessToken(email));
        assertProblem(httpGet("/api/v1/admin/users", "Authorization", reader), 403);
        assertProblem(
                send(
                        "PUT",
                        "/api/v1/admin/users/" + id + "/roles",
                        Map.of("roles", List.of("admin")),
                        "Authorization",
                        reader),
                403);
        assertProblem(post("/api/v1/admin/users/" + id + "/suspend", null, "Authorization", reader), 403);
        assertProblem(post("/api/v1/admin/keys/rotate", null, "Authorization", reader), 403);
        assertProblem(httpGet("/api/v1/admin/users"), 401);
        assertThat(jdbc.sql("SELECT roles[1] FROM users WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("reader");
    }

    @Test
    void rolesChangeIsPublishedAndReachesTheNextToken() {
        String admin = bearer(adminToken());
        String email = newEmail();
        UUID id = verifiedUser(email);
        Response r = send(
                "PUT",
                "/api/v1/admin/users/" + id + "/roles",
                Map.of("roles", List.of("author", "reader")),
                "Authorization",
                admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("roles").toString()).isEqualTo("[\"author\",\"reader\"]");
        JsonNode event = events(id, "identity.user-role-changed.v1").getFirst();
        assertThat(event.get("roles").toString()).isEqualTo("[\"author\",\"reader\"]");
        String token = accessToken(email);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims).contains("\"roles\":[\"author\",\"reader\"]");

        assertProblem(
                send(
                        "PUT",
                        "/api/v1/admin/users/" + id + "/roles",
                        Map.of("roles", List.of("superuser")),
                        "Authorization",
                        admin),
                400);
        assertProblem(
                send(
                        "PUT",
                        "/api/v1/admin/users/" + UUID.randomUUID() + "/roles",
                        Map.of("roles", List.of("reader")),
                        "Authorization",
                        admin),
                404);
    }

    @Test
    void suspensionRevokesSessionsAndRefusesSignInWithTheGenericAnswer() {
        String admin = bearer(adminToken());
        String email = newEmail();
        UUID id = verifiedUser(email);
        String refresh = login(email, PASSWORD).get("refreshToken").asString();

        Response suspended = post("/api/v1/admin/users/" + id + "/suspend", null, "Authorization", admin);
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.json().get("suspended").asBoolean()).isTrue();
        assertThat(events(id, "identity.user-suspended.v1")
                        .getFirst()
                        .get("suspended")
                        .asBoolean())
                .isTrue();
        assertProblem(post("/api/v1/auth/refresh", Map.of("refreshToken", refresh)), 401);
        Response login = post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertProblem(login, 401);
        assertThat(login.json().get("detail").asString()).contains("email or password is wrong");

        assertThat(post("/api/v1/admin/users/" + id + "/unsuspend", null, "Authorization", admin)
                        .status())
                .isEqualTo(200);
        login(email, PASSWORD);
    }
}
