package io.lectern.gateway.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The first thing every request meets: gives it a request id, works out the real client, drops
 * headers a client must not set, refuses ambiguous paths and oversized bodies, and makes sure every
 * response, proxied or not, leaves with the security headers. One filter rather than five keeps the
 * per-request cost of the reactive chain down.
 */
public final class EdgeFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final List<Cidr> trustedProxies;
    private final Set<String> stripHeaders;
    private final List<String> stripPrefixes;
    private final long maxBody;
    private final long maxLargeBody;
    private final long maxUriLength;
    private final long maxHeaderSize;
    private final List<PathPattern> largeBodyPaths;
    private final List<PathPattern> docsPaths;
    private final List<PathPattern> servicePaths;
    private final EdgeProperties props;

    public EdgeFilter(EdgeProperties props) {
        this.props = props;
        this.trustedProxies = props.trustedProxies().stream().map(Cidr::parse).toList();
        this.stripHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        this.stripHeaders.addAll(props.stripHeaders());
        // Forwarding headers are written afresh by ClientAddressHeaders; what the client sent is noise or a lie.
        this.stripHeaders.addAll(List.of(
                "Forwarded",
                "X-Forwarded-For",
                "X-Forwarded-Proto",
                "X-Forwarded-Host",
                "X-Forwarded-Port",
                "X-Forwarded-Prefix",
                "X-Real-IP"));
        this.stripPrefixes = props.stripHeaderPrefixes().stream()
                .map(p -> p.toLowerCase(Locale.ROOT))
                .toList();
        this.maxBody = props.maxRequestSize().toBytes();
        this.maxLargeBody = props.maxLargeRequestSize().toBytes();
        this.maxUriLength = props.maxUriLength().toBytes();
        this.maxHeaderSize = props.maxHeaderSize().toBytes();
        this.largeBodyPaths = parse(props.largeBodyPaths());
        this.docsPaths = parse(props.docsPaths());
        this.servicePaths = parse(props.servicePaths());
    }

    static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    static boolean matches(List<PathPattern> patterns, ServerHttpRequest request) {
        var path = request.getPath().pathWithinApplication();
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = RequestIds.accept(request.getHeaders().getFirst(RequestIds.header()));
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
        ClientAddress client = ClientAddress.resolve(request, trustedProxies);
        exchange.getAttributes().put(ClientAddress.ATTRIBUTE, client);
        boolean page = !matches(docsPaths, request) && !matches(servicePaths, request);
        String csp = matches(docsPaths, request)
                ? props.docsContentSecurityPolicy()
                : page ? props.webContentSecurityPolicy() : props.contentSecurityPolicy();
        String referrerPolicy = page ? props.webReferrerPolicy() : props.referrerPolicy();
        exchange.getResponse().beforeCommit(() -> {
            writeSecurityHeaders(exchange.getResponse().getHeaders(), requestId, client, csp, referrerPolicy);
            return Mono.empty();
        });

        String rawPath = request.getURI().getRawPath();
        String rawQuery = request.getURI().getRawQuery();
        long uriLength = (rawPath == null ? 0 : rawPath.length()) + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (uriLength > maxUriLength) {
            return Problems.write(
                    exchange,
                    HttpStatus.URI_TOO_LONG,
                    "The request's path and query are " + uriLength + " bytes long; at most " + maxUriLength
                            + " are accepted.");
        }
        long headerBytes = headerBytes(request.getHeaders());
        if (headerBytes > maxHeaderSize) {
            return Problems.write(
                    exchange,
                    HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The request's headers are " + headerBytes + " bytes in all; at most " + maxHeaderSize
                            + " are accepted.");
        }
        if (!wellFormedPath(request.getPath().value())) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "The request path is not in canonical form.");
        }
        long limit = matches(largeBodyPaths, request) ? maxLargeBody : maxBody;
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return Problems.write(
                    exchange, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
        }

        ServerHttpRequest forwarded = request.mutate()
                .headers(headers -> rewriteHeaders(headers, requestId))
                .build();
        if (declared < 0 && hasBody(request)) {
            forwarded = new LimitedBody(forwarded, limit);
        }
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    /** Header bytes as sent ("Name: value" plus CRLF per line). */
    static long headerBytes(HttpHeaders headers) {
        long total = 0;
        for (var entry : headers.headerSet()) {
            for (String value : entry.getValue()) {
                total += entry.getKey().length() + 4L + value.length();
            }
        }
        return total;
    }

    private void rewriteHeaders(HttpHeaders headers, String requestId) {
        List<String> doomed = new ArrayList<>();
        for (String name : headers.headerNames()) {
            if (stripHeaders.contains(name) || startsWithAny(name.toLowerCase(Locale.ROOT))) {
                doomed.add(name);
            }
        }
        doomed.forEach(headers::remove);
        headers.set(RequestIds.header(), requestId);
    }

    private boolean startsWithAny(String lowerName) {
        for (String prefix : stripPrefixes) {
            if (lowerName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private void writeSecurityHeaders(
            HttpHeaders headers, String requestId, ClientAddress client, String csp, String referrerPolicy) {
        headers.set(RequestIds.header(), requestId);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", referrerPolicy);
        // A service's own policy stays: it knows its content (uploads are served with "sandbox").
        if (!headers.containsHeader("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", csp);
        }
        if (client.secure()) {
            headers.set("Strict-Transport-Security", props.strictTransportSecurity());
        }
        keepCookieAnswersPrivate(headers);
    }

    /**
     * An answer that sets a cookie belongs to one visitor: a shared cache (a CDN, a proxy in front of the
     * gateway) must not keep it and hand the same cookie to the next visitor. The web app's public pages
     * say {@code s-maxage} and, on a first visit, also set the visitor's CSRF cookie; such an answer
     * becomes {@code private} here (the shared-cache directives dropped, the others kept). Answers already
     * {@code private} or {@code no-store} are left as they are.
     */
    static void keepCookieAnswersPrivate(HttpHeaders headers) {
        if (!headers.containsHeader(HttpHeaders.SET_COOKIE)) {
            return;
        }
        List<String> directives = new ArrayList<>();
        for (String value : headers.getOrEmpty(HttpHeaders.CACHE_CONTROL)) {
            for (String directive : value.split(",")) {
                String d = directive.strip();
                String name = d.toLowerCase(Locale.ROOT);
                if (name.equals("private") || name.equals("no-store")) {
                    return;
                }
                if (!d.isEmpty()
                        && !name.equals("public")
                        && !name.startsWith("s-maxage")
                        && !name.equals("proxy-revalidate")) {
                    directives.add(d);
                }
            }
        }
        directives.addFirst("private");
        headers.set(HttpHeaders.CACHE_CONTROL, String.join(", ", directives));
    }

    /**
     * Dot segments, doubled or encoded slashes and backslashes are read differently by different
     * servers; refusing them keeps "what the gateway checked" and "what the service serves" the same path.
     */
    static boolean wellFormedPath(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("//")
                || lower.contains("\\")
                || lower.contains("%2f")
                || lower.contains("%5c")
                || lower.contains("%2e")
                || lower.contains("%00")
                || lower.contains(";")) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /** Streams a body of unknown length and stops it as soon as it grows past the limit. */
    private static final class LimitedBody extends ServerHttpRequestDecorator {
        private final long limit;

        LimitedBody(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            long[] seen = {0};
            return super.getBody().handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > limit) {
                    org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                    sink.error(new ResponseStatusException(
                            HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + limit + " bytes."));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
