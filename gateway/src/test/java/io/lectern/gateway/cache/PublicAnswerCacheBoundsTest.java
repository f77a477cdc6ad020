package io.lectern.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The cache's memory bounds (ADR 0103): pages share them with content's answers, so passing a bound
 * drops a few entries to make room, never the whole copy.
 */
class PublicAnswerCacheBoundsTest {

    final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();

    static PublicAnswerCache cache(int maxEntries, DataSize maxBytes) {
        PublicAnswerCache cache = new PublicAnswerCache(
                new PublicCacheProperties(
                        true,
                        List.of("/posts/*"),
                        List.of(),
                        List.of(),
                        List.of("test:web:pages-changed"),
                        List.of("lectern_csrf"),
                        Duration.ofSeconds(30),
                        maxEntries,
                        maxBytes,
                        DataSize.ofKilobytes(256),
                        Duration.ofSeconds(2)),
                List.of(),
                System::nanoTime);
        cache.subscribed(true);
        return cache;
    }

    /** Plays the web app: a shareable page of {@code size} bytes, counting how often it answered. */
    WebFilterChain page(int size) {
        return exchange -> {
            answered.computeIfAbsent(exchange.getRequest().getPath().value(), p -> new AtomicInteger())
                    .incrementAndGet();
            ServerHttpResponse response = exchange.getResponse();
            byte[] body = "x".repeat(size).getBytes(StandardCharsets.UTF_8);
            response.setStatusCode(HttpStatus.OK);
            response.getHeaders().set("Cache-Control", "s-maxage=60");
            response.getHeaders().setContentLength(body.length);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        };
    }

    void read(PublicAnswerCache cache, String path, int size) {
        cache.filter(MockServerWebExchange.from(MockServerHttpRequest.get(path)), page(size))
                .block();
    }

    int answered(String path) {
        AtomicInteger count = answered.get(path);
        return count == null ? 0 : count.get();
    }

    @Test
    void aNewEntryPastMaxEntriesDropsOneOtherAndIsKept() {
        PublicAnswerCache cache = cache(3, DataSize.ofMegabytes(8));
        for (String path : List.of("/posts/a", "/posts/b", "/posts/c", "/posts/d")) {
            read(cache, path, 1000);
        }
        assertThat(cache.entryCount()).isEqualTo(3);
        assertThat(cache.storedBytes()).isEqualTo(3000);

        read(cache, "/posts/d", 1000);
        assertThat(answered("/posts/d")).as("the newest entry is kept").isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void aNewEntryPastMaxBytesDropsOthersUntilItFits() {
        PublicAnswerCache cache = cache(512, DataSize.ofBytes(10_000));
        read(cache, "/posts/a", 4000);
        read(cache, "/posts/b", 4000);
        assertThat(cache.storedBytes()).isEqualTo(8000);
        read(cache, "/posts/c", 4000);
        assertThat(cache.entryCount()).isEqualTo(2);
        assertThat(cache.storedBytes()).isEqualTo(8000);

        read(cache, "/posts/big", 9000);
        assertThat(cache.entryCount()).as("only the big one fits").isEqualTo(1);
        assertThat(cache.storedBytes()).isEqualTo(9000);
        read(cache, "/posts/big", 9000);
        assertThat(answered("/posts/big")).isEqualTo(1);
    }

    @Test
    void aChangeStillEmptiesEverything() {
        PublicAnswerCache cache = cache(3, DataSize.ofMegabytes(8));
        read(cache, "/posts/a", 1000);
        read(cache, "/posts/b", 1000);
        cache.invalidate();
        assertThat(cache.entryCount()).isZero();
        assertThat(cache.storedBytes()).isZero();
        read(cache, "/posts/a", 1000);
        assertThat(answered("/posts/a")).isEqualTo(2);
    }
}
