package io.lectern.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error a service raises into an RFC 9457 problem response. Unknown exceptions become a
 * bare 500 that names the request id (so an operator can find the log line) and never a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** PostgreSQL's "character not in repertoire": a U+0000 in a text value. */
    private static final String NUL_IN_TEXT = "22021";

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        ProblemDetail body = e.toProblemDetail();
        return respond(body, request, e.headers());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        body.setTitle("Invalid request");
        body.setProperty(
                "errors",
                e.getConstraintViolations().stream()
                        .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                        .toList());
        return respond(body, request, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof java.sql.SQLException sql && NUL_IN_TEXT.equals(sql.getSQLState())) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "Text may not contain the NUL character (U+0000).");
            body.setTitle("Invalid request");
            return respond(body, request, HttpHeaders.EMPTY);
        }
        log.info("Integrity violation: {}", e.getMostSpecificCause().getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The request conflicts with the current state of the resource.");
        body.setTitle("Conflict");
        return respond(body, request, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException e, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The resource was changed by someone else; reload it and try again.");
        body.setTitle("Concurrent update");
        return respond(body, request, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You are not allowed to do this.");
        body.setTitle("Forbidden");
        return respond(body, request, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException e, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Authentication is required.");
        body.setTitle("Unauthorized");
        return respond(body, request, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote the request id if you report it.");
        body.setTitle("Internal error");
        return respond(body, request, HttpHeaders.EMPTY);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        body.setTitle("Invalid request");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        body.setProperty("errors", errors);
        body.setProperty("requestId", RequestIdFilter.current());
        return ResponseEntity.badRequest().headers(headers).body(withType(body));
    }

    /** A body Jackson cannot read: the problem names the field whose value is missing or wrong. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = fieldOf(ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                field == null
                        ? "The request body is not valid JSON."
                        : "The field '" + field + "' is missing or has a value of the wrong type.");
        body.setTitle("Invalid request");
        if (field != null) {
            body.setProperty("field", field);
            body.setProperty("errors", List.of(Map.of("field", field, "message", "missing or wrong type")));
        }
        body.setProperty("requestId", RequestIdFilter.current());
        return ResponseEntity.badRequest().headers(headers).body(withType(body));
    }

    static @org.jspecify.annotations.Nullable String fieldOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException json
                    && !json.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (tools.jackson.core.JacksonException.Reference ref : json.getPath()) {
                    if (ref.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd) {
            withType(pd);
            pd.setProperty("requestId", RequestIdFilter.current());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /**
     * Spring leaves {@code type} unset (and so out of the JSON) unless told; every Lectern problem
     * names one, {@code about:blank} when the status says it all (RFC 9457 section 4.2.1).
     */
    public static ProblemDetail withType(ProblemDetail problem) {
        if (problem.getType() == null) {
            problem.setType(ABOUT_BLANK);
        }
        return problem;
    }

    static final URI ABOUT_BLANK = URI.create("about:blank");

    private static ResponseEntity<ProblemDetail> respond(
            ProblemDetail body, HttpServletRequest request, HttpHeaders headers) {
        withType(body);
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("requestId", RequestIdFilter.current());
        return ResponseEntity.status(body.getStatus()).headers(headers).body(body);
    }
}
