package io.lectern.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the container's error page answers: requests refused before any controller runs (Spring
 * Security's firewall on {@code ..}, {@code ;} or encoded slashes, Tomcat's own refusals) get the same
 * RFC 9457 problem as everything else instead of Spring Boot's plain error JSON.
 */
@io.swagger.v3.oas.annotations.Hidden // the container's error dispatch, not an operation of the API
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail(status));
        body.setTitle(status.getReasonPhrase());
        ProblemDetailsAdvice.withType(body);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith("/") && EdgeSafe.path(path)) {
            body.setInstance(URI.create(path));
        }
        Object requestId = request.getAttribute(RequestIdFilter.MDC_KEY);
        body.setProperty("requestId", requestId != null ? requestId : RequestIdFilter.current());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request was refused: its path or parameters are not in canonical form.";
            case NOT_FOUND -> "Nothing exists under this path.";
            case UNAUTHORIZED -> "The access token is missing, invalid or expired.";
            case FORBIDDEN -> "You are not allowed to do this.";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side. Quote the request id if you report it."
                        : status.getReasonPhrase() + ".";
        };
    }

    /** Only plain paths are echoed back (never a refused one with dots, semicolons or escapes). */
    private static final class EdgeSafe {
        static boolean path(String path) {
            return path.matches("[A-Za-z0-9/_.~-]*") && !path.contains("..");
        }
    }
}
