package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferralTest extends IdentityTestSupport {

    @Test
    void signupThroughACodeIsTrackedAndConvertsOnVerification() {
        String referrerEmail = newEmail();
        UUID referrerId = verifiedUser(referrerEmail);
        String auth = bearer(accessToken(referrerEmail));
        JsonNode mine = httpGet("/api/v1/referrals/me", "Authorization", auth).json();
        String code = mine.get("code").asString();
        assertThat(code).matches("[A-Z2-9]{8}");
        assertThat(mine.get("signups").asLong()).isZero();

        String friend = newEmail();
        assertThat(post(
                                "/api/v1/auth/register",
                                Map.of(
                                        "email",
                                        friend,
                                        "password",
                                        PASSWORD,
                                        "displayName",
                                        "Friend",
                                        "referralCode",
                                        code.toLowerCase()))
                        .status())
                .isEqualTo(202);
        UUID friendId = userId(friend);
        assertThat(events(friendId, "identity.user-registered.v1")
                        .getFirst()
                        .get("referredBy")
                        .asString())
                .isEqualTo(referrerId.toString());
        JsonNode afterSignup =
                httpGet("/api/v1/referrals/me", "Authorization", auth).json();
        assertThat(afterSignup.get("signups").asLong()).isEqualTo(1);
        assertThat(afterSignup.get("conversions").asLong()).isZero();
        assertThat(events(referrerId, "identity.referral-converted.v1")).isEmpty();

        post("/api/v1/auth/verify", Map.of("token", verificationToken(friendId)));
        var converted = events(referrerId, "identity.referral-converted.v1");
        assertThat(converted).hasSize(1);
        assertThat(converted.getFirst().get("referredUserId").asString()).isEqualTo(friendId.toString());
        assertThat(converted.getFirst().get("code").asString()).isEqualTo(code);
        assertThat(httpGet("/api/v1/referrals/me", "Authorization", auth)
                        .json()
                        .get("conversions")
                        .asLong())
                .isEqualTo(1);

        Response board = httpGet("/api/v1/referrals/leaderboard?limit=100");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.header("Cache-Control")).contains("public");
        assertThat(board.body()).contains("\"displayName\":\"Ada Reader\"").doesNotContain(referrerEmail);
        assertThat(board.json().get(0).get("rank").asInt()).isEqualTo(1);
        assertProblem(httpGet("/api/v1/referrals/leaderboard?limit=0"), 400);
    }
}
