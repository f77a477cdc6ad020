package io.lectern.gateway.edge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway does to every request and response before routing.
 *
 * @param trustedProxies networks whose X-Forwarded-For / X-Forwarded-Proto we believe (CIDR list);
 *     from anyone else those headers are dropped and the socket address is the client
 * @param maxRequestSize body limit for ordinary requests (413 above it)
 * @param maxUriLength longest path and query (414 problem above it); the server's own limit on the
 *     request line ({@code server.netty.max-initial-line-length}) is set higher so this check answers
 * @param maxHeaderSize largest total of the request headers (431 problem above it); the server's limit
 *     ({@code server.max-http-request-header-size}) is higher, as above
 * @param largeBodyPaths path patterns (uploads, imports) allowed up to {@code maxLargeRequestSize}
 * @param stripHeaders request headers a client must never set: services would otherwise be tempted
 *     to trust them as identity
 * @param stripHeaderPrefixes same, by prefix (case-insensitive)
 * @param docsPaths paths of the API documentation page, which needs scripts and styles
 * @param servicePaths paths the services answer (API, files, feeds); every other path is a page of the
 *     web app and gets {@code webContentSecurityPolicy}
 * @param webContentSecurityPolicy the web app's pages: its own scripts, styles and images, nothing else
 * @param webReferrerPolicy the web app's pages: their forms and fetches must carry their real Origin
 *     (under no-referrer a browser sends "Origin: null", which CORS and CSRF checks must refuse)
 */
@ConfigurationProperties("lectern.gateway.edge")
public record EdgeProperties(
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("20MB") DataSize maxLargeRequestSize,
        @DefaultValue("8KB") DataSize maxUriLength,
        @DefaultValue("16KB") DataSize maxHeaderSize,

        @DefaultValue({
            "/api/v1/uploads/**",
            "/api/v1/admin/import/**",
            "/bff/api/v1/uploads/**",
            "/bff/api/v1/admin/import/**"
        })
        List<String> largeBodyPaths,

        @DefaultValue({"X-User-Id", "X-User-Roles", "X-User-Email", "X-Forwarded-User", "X-Remote-User", "Remote-User"})
        List<String> stripHeaders,

        @DefaultValue({"X-Internal-", "X-User-", "X-Auth-", "X-Authenticated-", "X-Lectern-"})
        List<String> stripHeaderPrefixes,

        @DefaultValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
        String contentSecurityPolicy,

        @DefaultValue("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
                + "form-action 'self'")
        String docsContentSecurityPolicy,

        @DefaultValue({"/api-docs.html", "/api-docs.js", "/webjars/swagger-ui/**"})
        List<String> docsPaths,

        @DefaultValue({
            "/api/**",
            "/uploads/**",
            "/feeds/**",
            "/feed.xml",
            "/atom.xml",
            "/sitemap.xml",
            "/robots.txt",
            "/.well-known/**",
            "/actuator/**",
            "/api-docs/**",
            "/webjars/**"
        })
        List<String> servicePaths,

        @DefaultValue("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: https:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
        String webContentSecurityPolicy,

        @DefaultValue("max-age=31536000; includeSubDomains") String strictTransportSecurity,
        @DefaultValue("no-referrer") String referrerPolicy,
        @DefaultValue("strict-origin-when-cross-origin") String webReferrerPolicy,
        @DefaultValue Cors cors) {

    /** Browsers may call the API only from these origins (the web front end). */
    public record Cors(
            @DefaultValue List<String> allowedOrigins,

            @DefaultValue({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
            List<String> allowedMethods,

            @DefaultValue({"Authorization", "Content-Type", "X-Request-Id", "Idempotency-Key"})
            List<String> allowedHeaders,

            @DefaultValue({
                "X-Request-Id",
                "Retry-After",
                "X-RateLimit-Limit",
                "X-RateLimit-Remaining",
                "X-RateLimit-Reset"
            })
            List<String> exposedHeaders,

            @DefaultValue("true") boolean allowCredentials,
            @DefaultValue("1h") java.time.Duration maxAge) {}
}
