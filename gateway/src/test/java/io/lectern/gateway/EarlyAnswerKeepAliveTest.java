package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A request with a body that the gateway answers before reading it (401, 429, 413 ...) must not leave
 * its keep-alive connection stuck: the next request on that connection used to wait until the client
 * gave up (seen as a 10 s time-out in RedisDownTest and EdgeTest, about one full run in six).
 */
class EarlyAnswerKeepAliveTest extends GatewayTestSupport {

    @Test
    void theNextRequestOnTheConnectionIsAnsweredAfterAnEarlyAnswer() throws Exception {
        String body = "{\"note\":\"" + "x".repeat(2048) + "\"}";
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + TokenCheckTest.PROTECTED))
                            .timeout(Duration.ofSeconds(3))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", randomClientIp())
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("round %d, the early answer", i).isEqualTo(401);
            HttpResponse<String> next = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/v1/posts/after-an-early-answer"))
                            .timeout(Duration.ofSeconds(3))
                            .header("X-Forwarded-For", randomClientIp())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(next.statusCode())
                    .as("round %d, the request after it", i)
                    .isEqualTo(200);
        }
    }
}
