package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One service down: its routes fail fast with 503 problems, the rest keep working, and it comes back by itself. */
class ResilienceTest extends GatewayTestSupport {

    @Test
    void stoppedServiceGivesFast503sWhileOthersAnswerAndRecoversWhenBack() throws Exception {
        StandInService ai = SERVICES.get("ai");
        String bearer = KEYS.bearer("resilience-user");
        assertThat(get("/api/v1/recommendations", "Authorization", bearer).statusCode())
                .isEqualTo(200);

        ai.stop();
        try {
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                HttpResponse<String> down = get("/api/v1/recommendations", "Authorization", bearer);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
                assertThat(down.body()).contains("ai service is unavailable");
                assertThat(millis).as("answered without waiting on a timeout").isLessThan(2000);
                assertThat(get("/api/v1/posts/still-here").statusCode()).isEqualTo(200);
            }
            assertThat(get("/api/v1/ai/ask", "Authorization", bearer).statusCode())
                    .isEqualTo(503);
        } finally {
            ai.restart();
        }
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(get("/api/v1/recommendations", "Authorization", bearer)
                                .statusCode())
                        .isEqualTo(200));
    }

    /** The web app's route has no breaker: a stopped web app is a 503 problem, not a 500. */
    @Test
    void stoppedWebAppGivesA503Problem() throws Exception {
        assertThat(get("/some/page").statusCode()).isEqualTo(200);
        WEB.stop();
        try {
            HttpResponse<String> down = get("/some/page");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
            assertThat(down.body()).contains("\"status\":503").contains("unavailable");
        } finally {
            WEB.restart();
        }
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(get("/some/page").statusCode()).isEqualTo(200));
    }

    @Test
    void manyConcurrentRequestsToAHealthyServiceNeverTripItsBreaker() throws Exception {
        // Spring Cloud's default 25-call bulkhead would refuse some of these and open the breaker.
        String bearer = KEYS.bearer("concurrent-user");
        var responses = java.util.stream.IntStream.range(0, 80)
                .mapToObj(i -> http.sendAsync(
                        request("/api/v1/progress/load-" + (i % 4), "Authorization", bearer)
                                .GET()
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()))
                .toList();
        var codes = responses.stream().map(f -> f.join().statusCode()).toList();
        assertThat(codes).containsOnly(200);
        assertThat(get("/api/v1/progress/after-burst", "Authorization", bearer).statusCode())
                .isEqualTo(200);
    }
}
