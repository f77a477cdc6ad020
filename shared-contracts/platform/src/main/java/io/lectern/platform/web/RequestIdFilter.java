package io.lectern.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the request id the gateway set (or makes one when a caller reached the service directly),
 * puts it in the logging context and returns it to the caller. Ids that do not look like ids are
 * replaced, so a client cannot inject text into our logs.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader(HEADER);
        if (id == null || !SAFE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        MDC.put(MDC_KEY, id);
        // kept on the request too: the container's error dispatch runs after this filter has returned
        request.setAttribute(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** True for a value that may be echoed as a request id (no room for log or JSON injection). */
    static boolean safe(@org.jspecify.annotations.Nullable String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    /** The id of the request being served on this thread, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
