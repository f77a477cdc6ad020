package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Runs every flow that handles a secret, then searches every identity table (each row as text) and
 * everything the service logged for the raw values.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestAndInLogsTest extends IdentityTestSupport {

    @Test
    void noRawPasswordOrTokenIsStoredOrLogged(CapturedOutput output) {
        List<String> secrets = new ArrayList<>();
        String email = newEmail();
        String password = "secret-password-" + UUID.randomUUID();
        secrets.add(password);
        assertThat(register(email, password).status()).isEqualTo(202);
        UUID id = userId(email);
        String verification = verificationToken(id);
        secrets.add(verification);
        post("/api/v1/auth/verify", Map.of("token", verification));

        var tokens = login(email, password);
        String refresh1 = tokens.get("refreshToken").asString();
        secrets.add(refresh1);
        String refresh2 = post("/api/v1/auth/refresh", Map.of("refreshToken", refresh1))
                .json()
                .get("refreshToken")
                .asString();
        secrets.add(refresh2);
        post("/api/v1/auth/refresh", Map.of("refreshToken", refresh1)); // reuse, logged as a warning

        post("/api/v1/auth/password-reset", Map.of("email", email));
        String reset = latestLinkToken(id, "identity.password-reset-requested.v1", "password-reset");
        secrets.add(reset);
        String newPassword = "another-secret-" + UUID.randomUUID();
        secrets.add(newPassword);
        assertThat(post("/api/v1/auth/password-reset/confirm", Map.of("token", reset, "newPassword", newPassword))
                        .status())
                .isEqualTo(204);
        String wrongPassword = "wrong-secret-" + UUID.randomUUID();
        secrets.add(wrongPassword);
        post("/api/v1/auth/login", Map.of("email", email, "password", wrongPassword));
        String refresh3 = login(email, newPassword).get("refreshToken").asString();
        secrets.add(refresh3);

        String dump = dumpIdentitySchema();
        assertThat(dump).contains(id.toString()).contains("argon2id"); // the dump really holds the data
        for (String secret : secrets) {
            assertThat(dump).as("database").doesNotContain(secret);
            assertThat(output.getAll()).as("logs").doesNotContain(secret);
        }
        assertThat(output.getAll()).contains("Spent refresh token presented again"); // the capture works
    }

    private String dumpIdentitySchema() {
        List<String> tables = jdbc.sql(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'identity'"
                                + " AND table_type = 'BASE TABLE'")
                .query(String.class)
                .list();
        assertThat(tables).contains("users", "refresh_tokens", "email_tokens", "signing_keys", "outbox");
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("SELECT t::text FROM identity." + table + " t")
                    .query(String.class)
                    .list()
                    .forEach(row -> dump.append(row).append('\n'));
        }
        return dump.toString();
    }
}
