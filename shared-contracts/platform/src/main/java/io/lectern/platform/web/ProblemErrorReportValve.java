package io.lectern.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat answers some malformed requests itself, before any filter or error page runs (a NUL byte or
 * an encoded dot segment in the path): those answers are RFC 9457 problems too, not Tomcat's HTML page.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        String title = resolved != null ? resolved.getReasonPhrase() : "Error";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                String id = request.getHeader(RequestIdFilter.HEADER);
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"The request was refused before it reached the service.\""
                        + (RequestIdFilter.safe(id) ? ",\"requestId\":\"" + id + "\"" : "") + "}");
                writer.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was already committed: nothing left to tell it
        }
    }
}
