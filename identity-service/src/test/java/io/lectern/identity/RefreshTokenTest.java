package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RefreshTokenTest extends IdentityTestSupport {

    private Response refresh(String token) {
        return post("/api/v1/auth/refresh", Map.of("refreshToken", token));
    }

    @Test
    void refreshRotatesTheTokenAndTheCookieIsHttpOnlySecureStrictAndScoped() {
        String email = newEmail();
        verifiedUser(email);
        Response loginResponse = post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        String cookie = loginResponse.header("Set-Cookie");
        assertThat(cookie)
                .startsWith("lectern_refresh=")
                .contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth");
        String first = loginResponse.json().get("refreshToken").asString();

        Response second = refresh(first);
        assertThat(second.status()).isEqualTo(200);
        String next = second.json().get("refreshToken").asString();
        assertThat(next).isNotEqualTo(first);
        assertThat(second.json().get("accessToken").asString()).isNotBlank();

        // the cookie alone works too (browser clients)
        Response viaCookie = post("/api/v1/auth/refresh", null, "Cookie", "lectern_refresh=" + next);
        assertThat(viaCookie.status()).isEqualTo(200);
    }

    @Test
    void reusingASpentTokenRevokesTheWholeFamily() {
        String email = newEmail();
        verifiedUser(email);
        String first = login(email, PASSWORD).get("refreshToken").asString();
        String second = refresh(first).json().get("refreshToken").asString();
        String third = refresh(second).json().get("refreshToken").asString();

        assertProblem(refresh(first), 401); // replay of a spent token
        assertProblem(refresh(third), 401); // the live successor died with its family
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE token_hash IS NOT NULL AND revoked_at IS NULL"
                                + " AND user_id = (SELECT id FROM users WHERE email_normalized = :e)")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
        // another session of the same user is untouched
        String other = login(email, PASSWORD).get("refreshToken").asString();
        assertThat(refresh(other).status()).isEqualTo(200);
    }

    @Test
    void eightConcurrentRefreshesOfOneTokenHaveExactlyOneWinner() throws Exception {
        String email = newEmail();
        verifiedUser(email);
        String token = login(email, PASSWORD).get("refreshToken").asString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return refresh(token).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(7);
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens t JOIN users u ON u.id = t.user_id"
                                + " WHERE u.email_normalized = :e AND t.used_at IS NOT NULL")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void sessionsAreListedAndCanBeEndedOneByOneOrEverywhere() {
        String email = newEmail();
        verifiedUser(email);
        JsonNode a = login(email, PASSWORD);
        JsonNode b = login(email, PASSWORD);
        String access = a.get("accessToken").asString();

        Response list = httpGet("/api/v1/auth/sessions", "Authorization", bearer(access));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        assertThat(list.body()).doesNotContain(a.get("refreshToken").asString());

        String oneId = list.json().get(0).get("id").asString();
        assertThat(send("DELETE", "/api/v1/auth/sessions/" + oneId, null, "Authorization", bearer(access))
                        .status())
                .isEqualTo(204);
        assertThat(httpGet("/api/v1/auth/sessions", "Authorization", bearer(access))
                        .json()
                        .size())
                .isEqualTo(1);
        assertProblem(
                send("DELETE", "/api/v1/auth/sessions/" + UUID.randomUUID(), null, "Authorization", bearer(access)),
                404);

        assertThat(send("DELETE", "/api/v1/auth/sessions", null, "Authorization", bearer(access))
                        .status())
                .isEqualTo(204);
        assertProblem(refresh(a.get("refreshToken").asString()), 401);
        assertProblem(refresh(b.get("refreshToken").asString()), 401);
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() {
        String email = newEmail();
        verifiedUser(email);
        String token = login(email, PASSWORD).get("refreshToken").asString();
        Response out = post("/api/v1/auth/logout", Map.of("refreshToken", token));
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).contains("lectern_refresh=", "Max-Age=0");
        assertProblem(refresh(token), 401);
        assertProblem(refresh("never-issued-token-abcdefghijklmnopqrstuvwxyz"), 401);
        assertProblem(post("/api/v1/auth/refresh", null), 401);
    }
}
