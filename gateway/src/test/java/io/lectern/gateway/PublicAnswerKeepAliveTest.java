package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.gateway.cache.PublicAnswerCache;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway's copies on keep-alive connections, for one reader with a bucket far larger than the
 * run (as in bench/gateway.sh): the limiter mostly decides from tokens leased to this gateway, on the
 * connection's own thread, and every other request (leases of two here, 64 in production) waits for
 * Redis and is answered from Lettuce's thread. Answers written while Reactor Netty was still reading the request left connections stuck.
 */
@TestPropertySource(
        properties = {
            "lectern.gateway.rate-limit.groups[0].name=general",
            "lectern.gateway.rate-limit.groups[0].paths[0]=/**",
            "lectern.gateway.rate-limit.groups[0].anonymous.capacity=1000000000",
            "lectern.gateway.rate-limit.groups[0].anonymous.period=1h",
            "lectern.gateway.rate-limit.groups[0].authenticated.capacity=1000000000",
            "lectern.gateway.rate-limit.groups[0].authenticated.period=1h",
            "lectern.gateway.rate-limit.max-lease-batch=2"
        })
class PublicAnswerKeepAliveTest extends GatewayTestSupport {

    @Autowired
    PublicAnswerCache cache;

    /**
     * A copy is answered before anything is proxied, like the gateway's early answers: Reactor Netty
     * then left the next request on the same keep-alive connection unread, now and then, unless the
     * request had been read to its end first (found with bench/gateway.sh, whose fixed-rate load hung)..
     * 32 connections send their requests one after another, as browsers and the benchmark do.
     */
    @Test
    void copiesServedOnKeepAliveConnectionsNeverLeaveTheNextRequestUnread() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(cache::serving);
        String path = "/api/v1/posts/public-" + UUID.randomUUID();
        String reader = randomClientIp();
        get(path);
        int connections = 32;
        int rounds = 300;
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            List<Future<Integer>> answered = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                answered.add(pool.submit(() -> {
                    int ok = 0;
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        socket.setSoTimeout(3_000);
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream());
                        for (int i = 0; i < rounds; i++) {
                            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: " + reader
                                            + "\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            if (readStatus(in) == 200) {
                                ok++;
                            }
                            // a pause, as between a reader's clicks: the stall needs an idle connection
                            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 10));
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> result : answered) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(rounds);
            }
        }
        assertThat(SERVICES.get("content").answered.get(path).get()).isEqualTo(1);
    }

    /** Reads one answer with a Content-Length body; a read time-out fails the test. */
    static int readStatus(InputStream in) throws Exception {
        String status = line(in);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        in.skipNBytes(length);
        return Integer.parseInt(status.substring(9, 12));
    }

    static String line(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new java.io.EOFException("connection closed after: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
