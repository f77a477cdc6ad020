package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.gateway.cache.PublicAnswerCache;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With the copy switched off ({@code LECTERN_GATEWAY_PUBLIC_CACHE=false}) every read goes to the
 * service, and the mark a service puts on answers that are the same for every reader still never
 * leaves the gateway (ADR 0107).
 */
@TestPropertySource(properties = "lectern.gateway.public-cache.enabled=false")
class PublicAnswerCacheOffTest extends GatewayTestSupport {

    @Test
    void everyReadIsPassedOnAndTheServicesMarkIsStripped() throws Exception {
        String path = "/api/v1/posts/public-shared-" + UUID.randomUUID();
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> anonymous = get(path);
            assertThat(anonymous.body()).contains("\"served\":" + (2 * i - 1));
            assertThat(anonymous.headers().firstValue("Age")).isEmpty();
            assertThat(anonymous.headers().firstValue("Cache-Control")).hasValue("max-age=30, public");
            assertThat(anonymous.headers().firstValue(PublicAnswerCache.SHARED_CACHE_CONTROL))
                    .isEmpty();
            HttpResponse<String> signedIn = get(path, "Authorization", KEYS.bearer("reader-1", "reader"));
            assertThat(signedIn.body()).contains("\"served\":" + (2 * i));
            assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("no-store, private");
            assertThat(signedIn.headers().firstValue(PublicAnswerCache.SHARED_CACHE_CONTROL))
                    .isEmpty();
        }
        String premium = "/api/v1/posts/public-premium-" + UUID.randomUUID();
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> answer =
                    get(premium, "Authorization", KEYS.bearerOnTier("premium-" + i, "premium", "reader"));
            assertThat(answer.body()).contains("\"served\":" + i);
            assertThat(answer.headers().firstValue(PublicAnswerCache.SHARED_AUDIENCE))
                    .isEmpty();
        }
    }
}
