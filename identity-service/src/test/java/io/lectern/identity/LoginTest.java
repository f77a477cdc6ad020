package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoginTest extends IdentityTestSupport {

    @Test
    void wrongPasswordUnknownEmailAndSuspendedAccountGetTheSameAnswer() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        Response wrongPassword = post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password 123"));
        Response unknown = post("/api/v1/auth/login", Map.of("email", newEmail(), "password", PASSWORD));
        jdbc.sql("UPDATE users SET suspended = true WHERE id = :id")
                .param("id", id)
                .update();
        Response suspended = post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));

        for (Response r : List.of(wrongPassword, unknown, suspended)) {
            assertProblem(r, 401);
        }
        assertThat(strip(unknown.body())).isEqualTo(strip(wrongPassword.body())).isEqualTo(strip(suspended.body()));
    }

    @Test
    void unknownEmailTakesAboutAsLongAsAWrongPassword() {
        String email = newEmail();
        verifiedUser(email);
        // warm up both paths
        post("/api/v1/auth/login", Map.of("email", newEmail(), "password", "wrong password 123"));
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            known.add(timed(email));
            unknown.add(timed(newEmail()));
            // stay under the per-account threshold: a success resets the counter
            login(email, PASSWORD);
        }
        long k = median(known);
        long u = median(unknown);
        // same Argon2 work on both paths (dummy hash for unknown addresses); generous bounds for a busy machine
        assertThat((double) u / k).isBetween(0.4, 2.5);
    }

    private long timed(String email) {
        long start = System.nanoTime();
        Response r = post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password 123"));
        assertThat(r.status()).isEqualTo(401);
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    @Test
    void repeatedFailuresLockTheAccountWithRetryAfterEvenForTheRightPassword() {
        String email = newEmail();
        verifiedUser(email);
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password " + i))
                            .status())
                    .isEqualTo(401);
        }
        Response locked = post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertProblem(locked, 429);
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 30);

        // an unknown address is throttled exactly the same way (no enumeration through 429s)
        String nobody = newEmail();
        for (int i = 0; i < 5; i++) {
            post("/api/v1/auth/login", Map.of("email", nobody, "password", "wrong password " + i));
        }
        assertProblem(post("/api/v1/auth/login", Map.of("email", nobody, "password", PASSWORD)), 429);
    }

    @Test
    void oneClientGuessingManyAccountsIsThrottledPerIp() {
        for (int i = 0; i < 20; i++) {
            assertThat(post("/api/v1/auth/login", Map.of("email", newEmail(), "password", "guess " + i + " abcdefgh"))
                            .status())
                    .isEqualTo(401);
        }
        Response blocked = post("/api/v1/auth/login", Map.of("email", newEmail(), "password", PASSWORD));
        assertProblem(blocked, 429);
        assertThat(blocked.header("Retry-After")).isNotBlank();
    }

    /** Problem bodies differ only by request id and instance. */
    private static String strip(String body) {
        return body.replaceAll("\"requestId\":\"[^\"]*\"", "");
    }
}
