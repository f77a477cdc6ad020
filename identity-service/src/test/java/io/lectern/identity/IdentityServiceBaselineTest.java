package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.identity.account.UserAccount;
import io.lectern.identity.token.AccessTokens;
import io.lectern.testsupport.ServiceBaselineContract;
import io.lectern.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdentityServiceBaselineTest extends IdentityTestSupport implements ServiceBaselineContract {

    @Autowired
    AccessTokens accessTokens;

    @Override
    public int port() {
        return port;
    }

    @Override
    public String protectedPath() {
        return "/api/v1/users/me";
    }

    /**
     * Identity trusts only its own keys, so the contract's "valid token" is one identity issued; a
     * token from the shared test JWKS is refused (see below).
     */
    @Override
    public String validBearer() {
        UserAccount someone = new UserAccount(
                UUID.randomUUID(),
                "x@example.org",
                true,
                null,
                "X",
                null,
                null,
                "UTC",
                "en",
                List.of("reader"),
                "free",
                false,
                null,
                "ABCDEFGH",
                0,
                Instant.now());
        return "Bearer " + accessTokens.issue(someone).token();
    }

    @Test
    void tokenSignedByAnotherIssuerKeyIsRefused() throws Exception {
        HttpResponse<String> response =
                get(protectedPath(), "Authorization", TestTokens.get().bearer(UUID.randomUUID()));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"status\":401");
    }
}
