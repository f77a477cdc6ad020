package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A request the gateway answers itself, before proxying (401, 403, 429, 413 ...), with or without a
 * body, must not leave its keep-alive connection stuck: the next request on that connection used to
 * wait until the client gave up (10 s time-outs in RedisDownTest, EdgeTest and TokenCheckTest, about
 * one full run in six).
 */
class EarlyAnswerKeepAliveTest extends GatewayTestSupport {

    @Test
    void theNextRequestOnTheConnectionIsAnsweredAfterAnEarlyAnswer() throws Exception {
        String body = "{\"note\":\"" + "x".repeat(2048) + "\"}";
        for (int i = 0; i < 300; i++) {
            // with a body (that nothing read) and without one: CI met the stall after both
            HttpRequest.Builder early = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + TokenCheckTest.PROTECTED))
                    .timeout(Duration.ofSeconds(3))
                    .header("X-Forwarded-For", randomClientIp());
            if (i % 2 == 0) {
                early.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            } else {
                early.GET();
            }
            HttpResponse<String> refused = http.send(early.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("round %d, the early answer", i).isEqualTo(401);
            assertThat(refused.headers().firstValue("Connection"))
                    .as("round %d: the connection stays open for the next request", i)
                    .isEmpty();
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

    /**
     * A body over the limit is refused with 413 before it is proxied. Closing the connection with the
     * body still unread made the kernel reset it, and the client sometimes saw the reset instead of the
     * answer ("header parser received no bytes": EdgeTest in CI, session 8).
     */
    @Test
    void anOversizedBodyIsAnsweredWith413NotAReset() throws Exception {
        String big = "x".repeat(70 * 1024); // the tests' limit is 64 KB
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/comments"))
                            .timeout(Duration.ofSeconds(5))
                            .header("X-Forwarded-For", randomClientIp())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(big))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("round %d", i).isEqualTo(413);
            assertThat(refused.headers().firstValue("Connection"))
                    .as("round %d: read to its end, so the connection stays open", i)
                    .isEmpty();
        }
    }

    /**
     * A refused request whose chunked body (no declared length) never ends is read only up to the drain
     * limit: the gateway then answers or closes within moments, rather than reading on until the 5 s
     * drain time-out. The path is refused by the edge's own checks, before it limits a chunked body to
     * the ordinary body size (past those checks that limit ends the read first). The answer itself may
     * be lost to the reset of a connection closed with unread data, so the test only requires that the
     * gateway stops waiting.
     */
    @Test
    void anEndlessChunkedBodyIsNotReadPastTheDrainLimit() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1//comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "X-Forwarded-For: " + randomClientIp() + "\r\n"
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread writer = Thread.ofPlatform().start(() -> {
                byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int i = 0; i < 4096; i++) { // 256 MB at most: far past the 8 MB limit
                        out.write(chunk);
                    }
                } catch (IOException closedByTheGateway) {
                    // expected: the gateway stopped reading and closed the connection
                }
            });
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int read;
            try {
                read = in.readNBytes(head, 0, head.length);
            } catch (SocketTimeoutException stillReading) {
                throw new AssertionError("the gateway was still reading the body after 3 s", stillReading);
            } catch (IOException reset) {
                read = -1; // closed with unread data: the kernel reset it, which also ends the wait
            }
            if (read == head.length) {
                assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 400");
            }
            try {
                socket.shutdownOutput(); // ends the writer, whatever the gateway did
            } catch (IOException alreadyReset) {
                // the writer has ended already
            }
            writer.join(10_000);
        }
    }
}
