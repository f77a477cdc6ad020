package io.lectern.gateway;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays one Lectern service: answers JSON naming itself and records every request it receives
 * (path and headers), so tests can see exactly what the gateway forwarded. Like the real service it
 * answers only under the path prefixes that service serves and 404 (a problem) anywhere else, so a
 * route the gateway gets wrong cannot pass here (the full table is checked against the real services
 * by RouteTableSystemTest). Can be stopped and started again on the same port, like a service that
 * crashes and comes back. A path with {@code /public-} in it is answered the way content answers an
 * anonymous public read: {@code Cache-Control: public, max-age=30}, {@code Vary: Authorization}, an
 * {@code ETag}, and a body that counts how often this service answered that path; the web stand-in
 * answers it the way Next.js answers a page it renders once for everyone ({@code s-maxage}, its
 * {@code Vary} on the router headers).
 */
final class StandInService {

    record Received(String method, String path, Headers headers) {}

    final String name;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** How often each {@code /public-} path was answered here. */
    final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();

    private final int port;
    private volatile HttpServer server;

    /** Path prefixes each real service serves (its controllers' mappings), plus its OpenAPI document. */
    static final Map<String, List<String>> SERVED = Map.of(
            "identity",
            List.of(
                    "/api/v1/auth/",
                    "/api/v1/users/me",
                    "/api/v1/settings",
                    "/api/v1/referrals/",
                    "/api/v1/admin/users",
                    "/api/v1/admin/keys/rotate",
                    "/api/v1/admin/events/",
                    "/.well-known/jwks.json"),
            "content",
            List.of(
                    "/api/v1/posts",
                    "/api/v1/series",
                    "/api/v1/tags",
                    "/api/v1/comments/",
                    "/api/v1/uploads",
                    "/api/v1/search",
                    "/api/v1/feeds/",
                    "/api/v1/admin/posts",
                    "/api/v1/admin/series",
                    "/api/v1/admin/tags",
                    "/api/v1/admin/comments",
                    "/api/v1/admin/redirects",
                    "/api/v1/admin/analytics/",
                    "/api/v1/admin/export",
                    "/api/v1/admin/import/",
                    "/api/v1/admin/events/",
                    "/feed.xml",
                    "/atom.xml",
                    "/sitemap.xml",
                    "/robots.txt",
                    "/uploads/"),
            "learning",
            List.of("/api/v1/progress"),
            "ai",
            List.of("/api/v1/ai/", "/api/v1/recommendations"),
            "billing",
            List.of("/api/v1/billing/"),
            "notify",
            List.of("/api/v1/notifications", "/api/v1/digest/", "/api/v1/newsletter/", "/api/v1/admin/events/"),
            "web",
            List.of("/"));

    private final List<String> served;

    StandInService(String name) {
        this.name = name;
        this.served = new ArrayList<>(SERVED.getOrDefault(name, List.of()));
        this.served.add("/v3/api-docs");
        this.server = start(0);
        this.port = server.getAddress().getPort();
    }

    private HttpServer start(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            created.createContext("/", exchange -> {
                received.add(new Received(
                        exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestHeaders()));
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                if (served.stream().noneMatch(path::startsWith)) {
                    byte[] notFound = ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                                    + "\"service\":\"" + name + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                    exchange.sendResponseHeaders(404, notFound.length);
                    exchange.getResponseBody().write(notFound);
                    exchange.close();
                    return;
                }
                if (path.startsWith("/uploads/")) {
                    exchange.getResponseHeaders()
                            .add("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
                }
                if (path.contains("/public-")) {
                    int served = answered.computeIfAbsent(path, p -> new AtomicInteger())
                            .incrementAndGet();
                    if (name.equals("web")) {
                        // as Next.js answers a page it rendered once for everyone (no "public", no ETag)
                        exchange.getResponseHeaders()
                                .add("Cache-Control", "s-maxage=60, stale-while-revalidate=31535940");
                        exchange.getResponseHeaders()
                                .add(
                                        "Vary",
                                        "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch");
                        exchange.getResponseHeaders().add("X-Nextjs-Cache", "HIT");
                    } else {
                        boolean signedIn = exchange.getRequestHeaders().containsKey("Authorization");
                        if (path.contains("/public-premium-")) {
                            premium(exchange, path);
                        } else if (path.contains("/public-shared-")) {
                            // as content answers a free post: the same for every reader, private to a
                            // signed-in one, marked so for the gateway (ADR 0107)
                            exchange.getResponseHeaders()
                                    .add("Cache-Control", signedIn ? "no-store, private" : "max-age=30, public");
                            exchange.getResponseHeaders().add("Lectern-Shared-Cache-Control", "max-age=30, public");
                        } else {
                            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=30");
                        }
                        exchange.getResponseHeaders().add("Vary", "Authorization");
                        exchange.getResponseHeaders().add("ETag", "\"" + name + "-" + served + "\"");
                    }
                    String full = path.contains("/public-premium-")
                            ? ",\"full\":" + premiumReader(exchange.getRequestHeaders())
                            : "";
                    byte[] body = ("{\"service\":\"" + name + "\",\"path\":\"" + path + "\",\"served\":" + served + full
                                    + "}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .add("Content-Type", name.equals("web") ? "text/html; charset=utf-8" : "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                    return;
                }
                String json = path.endsWith("/large")
                        ? "{\"service\":\"" + name + "\",\"items\":[" + "\"lorem ipsum dolor sit amet\",".repeat(200)
                                + "\"end\"]}"
                        : "{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}";
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As content answers a premium post (ADR 0114): private to everyone, marked for the gateway with the
     * readers it is the same for: the body for premium readers, editors, admins and the author
     * ({@value #PREMIUM_AUTHOR}), the teaser for everyone else. A path with {@code -malformed-} carries an
     * audience the gateway cannot read; one with {@code -mislabelled-} always claims the body's audience.
     */
    private static void premium(HttpExchange exchange, String path) {
        String claims = "tier:premium role:editor role:admin";
        String audience;
        if (path.contains("-malformed-")) {
            audience = "max-age=30, holders=everyone";
        } else if (path.contains("-mislabelled-") || premiumReader(exchange.getRequestHeaders())) {
            audience = "max-age=30, holders=" + claims;
        } else {
            audience = "max-age=30, others=" + claims + ", except=" + PREMIUM_AUTHOR;
        }
        exchange.getResponseHeaders().add("Cache-Control", "no-store, private");
        exchange.getResponseHeaders().add("Lectern-Shared-Audience", audience);
    }

    static final String PREMIUM_AUTHOR = "author-of-premium";

    /** Whether a premium post's body is for this request's reader (the stand-in trusts the gateway's check). */
    private static boolean premiumReader(Headers headers) {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null) {
            return false;
        }
        try {
            var claims =
                    SignedJWT.parse(authorization.substring("Bearer ".length())).getJWTClaimsSet();
            List<String> roles = claims.getStringListClaim("roles");
            return "premium".equals(claims.getStringClaim("tier"))
                    || (roles != null && (roles.contains("editor") || roles.contains("admin")))
                    || PREMIUM_AUTHOR.equals(claims.getSubject());
        } catch (ParseException e) {
            return false;
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void stop() {
        server.stop(0);
    }

    void restart() {
        server = start(port);
    }

    Received last(String path) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).path().equals(path)) {
                return received.get(i);
            }
        }
        throw new AssertionError(name + " never received " + path);
    }
}
