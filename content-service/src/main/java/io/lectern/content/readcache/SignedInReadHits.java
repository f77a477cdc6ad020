package io.lectern.content.readcache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves signed-in readers the answers that are the same for everyone (free posts, lists, series,
 * tags) from {@link PublicReadCache}. It runs after Spring Security, so a hit is only served once the
 * reader's token has been verified: a bad or expired token still gets its 401, as without the cache.
 * It skips MVC, the database and Jackson, which is most of a signed-in read's cost.
 */
public final class SignedInReadHits extends OncePerRequestFilter {

    private final PublicReadCache cache;

    public SignedInReadHits(PublicReadCache cache) {
        this.cache = cache;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method))
                && request.getHeader(HttpHeaders.AUTHORIZATION) != null
                && verified(SecurityContextHolder.getContext().getAuthentication())
                && PublicReadCache.READ_PATHS.matcher(request.getRequestURI()).matches()
                && cache.replayToVerifiedReader(request, response)) {
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean verified(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
