package io.lectern.gateway.edge;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
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

    private Problems() {}

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = body(status, detail, RequestIds.of(exchange)).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
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
