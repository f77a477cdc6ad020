package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.gateway.ratelimit.SharedRedisConnection;
import io.lectern.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Limits hold exactly, per client address or per user, in the machine's real Redis. */
class RateLimitTest extends GatewayTestSupport {

    @Autowired
    SharedRedisConnection redis;

    @Test
    void loginBurstAllowsExactlyTheLimitThenAnswers429WithRetryAfter() throws Exception {
        String ip = randomClientIp();
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> allowed = send("POST", "/api/v1/auth/login", "{}", "X-Forwarded-For", ip);
            assertThat(allowed.statusCode()).as("attempt %d", i).isEqualTo(200);
            assertThat(allowed.headers().firstValue("X-RateLimit-Limit")).hasValue("10");
            assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(10 - i));
        }
        HttpResponse<String> refused = send("POST", "/api/v1/auth/login", "{}", "X-Forwarded-For", ip);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        // 10 per 15 minutes: the next token is 90 seconds away
        assertThat(retryAfter).isBetween(85L, 90L);
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(Long.parseLong(
                        refused.headers().firstValue("X-RateLimit-Reset").orElseThrow()))
                .isBetween(850L, 900L);
        assertThat(refused.body()).contains("\"status\":429");

        assertThat(send("POST", "/api/v1/auth/login", "{}", "X-Forwarded-For", randomClientIp())
                        .statusCode())
                .as("another client has its own bucket")
                .isEqualTo(200);
        assertThat(redis.commands()
                        .flatMapMany(commands ->
                                commands.keys(TestInfrastructure.get().namespace() + ":ratelimit:auth:ip:" + ip))
                        .collectList()
                        .block())
                .as("buckets live under this run's namespace")
                .hasSize(1);
    }

    @Test
    void signedInCallersAreLimitedByUserWhereverTheyConnectFrom() throws Exception {
        String bearer = KEYS.bearer("ai-heavy-user");
        for (int i = 1; i <= 60; i++) {
            assertThat(get("/api/v1/ai/ask", "Authorization", bearer).statusCode())
                    .as("question %d", i)
                    .isEqualTo(200);
        }
        HttpResponse<String> refused = get("/api/v1/ai/ask", "Authorization", bearer);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(get("/api/v1/ai/ask", "Authorization", KEYS.bearer("ai-light-user"))
                        .statusCode())
                .isEqualTo(200);
    }
}
