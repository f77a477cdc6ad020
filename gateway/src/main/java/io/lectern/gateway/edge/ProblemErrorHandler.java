package io.lectern.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Last line: whatever goes wrong inside the gateway (no route, a body over the limit, a bug) leaves
 * as a problem document with a request id, never as a stack trace or Boot's whitelabel JSON.
 */
public final class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = "The gateway could not handle this request.";
        if (error instanceof ResponseStatusException rse) {
            HttpStatusCode code = rse.getStatusCode();
            status = HttpStatus.resolve(code.value()) != null ? HttpStatus.valueOf(code.value()) : status;
            detail = switch (status) {
                case NOT_FOUND -> "No route serves this path.";
                case CONTENT_TOO_LARGE -> "The request body is too large.";
                case GATEWAY_TIMEOUT -> "The service did not answer in time.";
                case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
                case SERVICE_UNAVAILABLE -> "The service is unavailable; try again shortly.";
                default -> status.is4xxClientError() ? "The request was not accepted." : detail;
            };
        } else if (refusedConnection(error)) {
            // a route without a breaker (the web app, the API documents) whose upstream is not running
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The service is unavailable; try again shortly.";
        }
        if (status.is5xxServerError()) {
            log.warn(
                    "{} {} failed: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    error.toString());
        }
        return Problems.write(exchange, status, detail);
    }

    private static boolean refusedConnection(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
