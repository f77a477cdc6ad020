package io.lectern.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problem documents straight to the response. Filters answer before any controller
 * runs, so they cannot lean on Spring's ProblemDetail handling; the body is assembled by hand because
 * every value in it is ours (titles, fixed details, a request id that matched a safe pattern).
 */
public final class Problems {

    /**
     * A request body up to this size is read and dropped before the answer (for at most the drain
     * time-out); a larger one is not, and its client may see the connection reset instead of the answer.
     * It covers a body refused as too large (413) up to eight times the ordinary 1 MB limit: with a
     * 64 KB bound, a 70 KB body's 413 was sometimes lost to the reset (ADR 0020, session 8).
     */
    static final long DRAIN_LIMIT = 8 * 1024 * 1024;

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private Problems() {}

    /**
     * Answers with a problem document once the request has been read to its end. Such an answer is
     * written before anything is proxied, and an answer written while Reactor Netty (1.3.6) was still
     * reading the request left the client's next request on the same keep-alive connection unserved
     * until the client gave up, after a bodiless GET as after a POST (EarlyAnswerKeepAliveTest; the
     * same stall PublicAnswerKeepAliveTest found for the gateway's copies). So the body is read and
     * dropped first, a GET's empty one included, and the connection stays open. A body declared larger
     * than DRAIN_LIMIT or (chunked) growing past it, one not read to its end within the drain time-out,
     * or one that cannot be read again (an error after proxying started) is not waited for: that answer
     * closes the connection.
     */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = body(status, detail, RequestIds.of(exchange)).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(body.length);
        Mono<Void> answer = Mono.defer(
                () -> response.writeWith(Mono.just(response.bufferFactory().wrap(body))));
        if (exchange.getRequest().getHeaders().getContentLength() > DRAIN_LIMIT) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
            return answer;
        }
        long[] drained = {0};
        return exchange.getRequest()
                .getBody()
                .doOnNext(buffer -> {
                    drained[0] += buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    if (drained[0] > DRAIN_LIMIT) {
                        // a body of unknown length (chunked) is not read past the limit either
                        throw new IllegalStateException("request body longer than the drain limit");
                    }
                })
                .timeout(DRAIN_TIMEOUT)
                .then()
                // already read (an error after proxying started) or never finished: answer, then close
                .onErrorResume(e -> {
                    response.getHeaders().set(HttpHeaders.CONNECTION, "close");
                    return Mono.empty();
                })
                .then(answer);
    }

    static String body(HttpStatus status, String detail, @Nullable String requestId) {
        StringBuilder json = new StringBuilder(160)
                .append("{\"type\":\"about:blank\",\"title\":\"")
                .append(status.getReasonPhrase())
                .append("\",\"status\":")
                .append(status.value())
                .append(",\"detail\":\"")
                .append(escape(detail))
                .append('"');
        if (requestId != null) {
            json.append(",\"requestId\":\"").append(requestId).append('"');
        }
        return json.append('}').toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
