package io.lectern.platform.security;

import io.lectern.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 answered by the security filters as problem documents, like every other error. */
final class ProblemAuthenticationHandlers {

    private ProblemAuthenticationHandlers() {}

    static AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", describe(e));
    }

    static AccessDeniedHandler accessDenied() {
        return (request, response, e) ->
                write(response, HttpStatus.FORBIDDEN, "Forbidden", "You are not allowed to do this.");
    }

    private static String describe(AuthenticationException e) {
        return e.getClass().getSimpleName().contains("InsufficientAuthentication")
                ? "Authentication is required."
                : "The access token is missing, invalid or expired.";
    }

    static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        String requestId = RequestIdFilter.current();
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                        + ",\"detail\":\"" + detail + "\""
                        + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}");
    }
}
