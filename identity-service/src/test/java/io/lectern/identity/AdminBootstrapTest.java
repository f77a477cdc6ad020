package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lectern.identity.admin.AdminBootstrap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The first admin is made without SQL (what ./lectern admin EMAIL and LECTERN_ADMIN_EMAIL run): an
 * existing account is promoted, a new one is created verified, and other services hear about both.
 */
class AdminBootstrapTest extends IdentityTestSupport {

    @Autowired
    AdminBootstrap bootstrap;

    @Test
    void existingAccountIsPromotedOnceAndItsNextTokenCarriesTheAdminRole() {
        String email = newEmail();
        UUID id = verifiedUser(email);

        assertThat(bootstrap.ensureAdmin(email.toUpperCase(), "")).isEqualTo(AdminBootstrap.Outcome.PROMOTED);
        assertThat(bootstrap.ensureAdmin(email, "")).isEqualTo(AdminBootstrap.Outcome.ALREADY_ADMIN);

        List<JsonNode> changed = events(id, "identity.user-role-changed.v1");
        assertThat(changed).hasSize(1);
        assertThat(changed.getFirst().path("roles").toString()).contains("admin");
        assertThat(rolesInToken(email, PASSWORD)).contains("admin");
    }

    @Test
    void missingAccountIsCreatedVerifiedAsAdminWhenAPasswordIsGiven() {
        String email = newEmail();
        String password = "a long admin passphrase";

        assertThat(bootstrap.ensureAdmin(email, password)).isEqualTo(AdminBootstrap.Outcome.CREATED);

        UUID id = userId(email);
        assertThat(events(id, "identity.user-registered.v1")).hasSize(1);
        assertThat(rolesInToken(email, password)).contains("admin");
    }

    @Test
    void missingAccountWithoutPasswordIsRefusedAndNothingIsWritten() {
        String email = newEmail();
        assertThatThrownBy(() -> bootstrap.ensureAdmin(email, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(email);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email_normalized = lower(:e)")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String rolesInToken(String email, String password) {
        Response login = post("/api/v1/auth/login", Map.of("email", email, "password", password));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String token = JSON.readTree(login.body()).get("accessToken").asString();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return JSON.readTree(payload).path("roles").toString();
    }
}
