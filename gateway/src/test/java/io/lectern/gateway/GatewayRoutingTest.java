package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;

/** Routes reach the service that owns them; each stand-in records what arrives. */
class GatewayRoutingTest extends GatewayTestSupport {

    @ParameterizedTest
    @CsvSource({
        "/api/v1/auth/login, identity",
        "/.well-known/jwks.json, identity",
        "/api/v1/posts/hello-world, content",
        "/sitemap.xml, content",
        "/robots.txt, content",
        "/uploads/2026/cover.png, content",
        "/api/v1/progress, learning",
        "/api/v1/ai/ask, ai",
        "/api/v1/billing/plans, billing",
        "/api/v1/notifications, notify",
        "/api/v1/newsletter/issues, notify"
    })
    void routeGroupsReachTheirOwningService(String path, String owner) throws Exception {
        HttpResponse<String> response = get(path, "Authorization", KEYS.bearer("routing-user"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"service\":\"" + owner + "\"");
        assertThat(SERVICES.get(owner).last(path)).isNotNull();
    }

    @Test
    void noGrpcHeaderFiltersRunOnTheProxyPath(@Autowired List<HttpHeadersFilter> headersFilters) {
        // the gRPC request filter copied every proxied request's headers (ADR 0109); the others stay
        assertThat(headersFilters)
                .isNotEmpty()
                .noneMatch(f -> f.getClass().getSimpleName().startsWith("GRPC"));
        assertThat(headersFilters).anyMatch(f -> f instanceof RemoveHopByHopHeadersFilter);
    }

    @Test
    void publicContentPathsNeedNoToken() throws Exception {
        for (String path : new String[] {"/feed.xml", "/atom.xml", "/sitemap.xml", "/robots.txt", "/uploads/a.png"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @CsvSource({"/feed.xml, /feed.xml", "/atom.xml, /atom.xml", "/api/v1/feeds/rss.xml, /api/v1/feeds/rss.xml"})
    void siteFeedsReachContentWithoutAToken(String path, String contentPath) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"service\":\"content\"");
        assertThat(SERVICES.get("content").last(contentPath)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"/", "/posts/hello-world", "/signin", "/_next/static/chunks/app.js", "/bff/api/v1/search"})
    void everyOtherPathIsAPageOfTheWebAppNeedingNoTokenWithTheWebContentSecurityPolicy(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"service\":\"web\"");
        // the Host the browser used, not the web app's own address: its same-origin checks depend on it
        assertThat(WEB.last(path).headers().getFirst("Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
    }

    @Test
    void apiPathsStillNeedATokenAndNeverFallThroughToTheWebApp() throws Exception {
        int before = WEB.received.size();
        assertThat(get("/api/v1/progress").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/no-such-group").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/no-such-group", "Authorization", KEYS.bearer("lost"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/internal/revalidate").statusCode()).isEqualTo(404);
        assertThat(WEB.received).hasSize(before);
        assertThat(get("/feed.xml").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'none'"));
        assertThat(get("/feed.xml").headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void eachServiceOpenApiDocumentIsServedThroughTheGateway() throws Exception {
        for (String name : NAMES) {
            HttpResponse<String> response = get("/api-docs/" + name);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(name);
            assertThat(SERVICES.get(name).last("/v3/api-docs")).isNotNull();
        }
    }

    @Test
    void combinedApiPageListsEveryService() throws Exception {
        HttpResponse<String> page = get("/api-docs.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        assertThat(page.body())
                .contains("/webjars/swagger-ui/swagger-ui-bundle.js")
                .contains("/api-docs.js");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        HttpResponse<String> script = get("/api-docs.js");
        assertThat(script.statusCode()).isEqualTo(200);
        for (String name : NAMES) {
            assertThat(script.body()).contains("/api-docs/" + name);
        }
        for (String file :
                List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css", "index.css")) {
            HttpResponse<String> ui = get("/webjars/swagger-ui/" + file);
            assertThat(ui.statusCode()).as(file).isEqualTo(200);
            assertThat(ui.body()).as(file).isNotBlank();
        }
    }

    @Test
    void aStandInAnswers404BelowPathsItsServiceDoesNotServe() throws Exception {
        HttpResponse<String> response = get("/api/v1/billing/nothing-here", "Authorization", KEYS.bearer("r"));
        assertThat(response.statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = get("/api/v1/payments/x", "Authorization", KEYS.bearer("r"));
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/admin/events/identity/dead-letters, identity",
        "/api/v1/admin/events/content/dead-letters, content",
        "/api/v1/admin/events/notify/dead-letters, notify"
    })
    void deadLettersOfEachServiceAreReachableForAdminsOnlyUnderTheServiceName(String path, String owner)
            throws Exception {
        assertThat(get(path, "Authorization", KEYS.bearer("reader-1")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> admin = get(path, "Authorization", KEYS.bearer("admin-1", "admin"));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        assertThat(admin.body()).contains("\"service\":\"" + owner + "\"");
        assertThat(SERVICES.get(owner).last("/api/v1/admin/events/dead-letters"))
                .isNotNull();
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/admin/export, content",
        "/api/v1/admin/import/markdown, content",
        "/api/v1/admin/keys/rotate, identity"
    })
    void operatorEndpointsOfTheRunbooksAreReachableForAdminsOnly(String path, String owner) throws Exception {
        assertThat(send("POST", path, "{}", "Authorization", KEYS.bearer("editor-1", "editor"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> admin = send("POST", path, "{}", "Authorization", KEYS.bearer("admin-2", "admin"));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        assertThat(SERVICES.get(owner).last(path)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/posts/some-post/views, content",
        "/api/v1/auth/verification/resend, identity",
        "/api/v1/auth/password-reset/confirm, identity",
        "/api/v1/newsletter/subscribe, notify"
    })
    void anonymousWritesTheServicesAllowPassTheGateway(String path, String owner) throws Exception {
        HttpResponse<String> response = send("POST", path, "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SERVICES.get(owner).last(path)).isNotNull();
    }

    @Test
    void commentCreationCountsAgainstTheCommentsLimit() throws Exception {
        HttpResponse<String> response =
                send("POST", "/api/v1/posts/some-post/comments", "{}", "Authorization", KEYS.bearer("commenter"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-RateLimit-Policy")).hasValue("comments");
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("60");
    }

    @Test
    void uploadsKeepTheirOwnSandboxingContentSecurityPolicy() throws Exception {
        HttpResponse<String> upload = get("/uploads/2026/page.html");
        assertThat(upload.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; style-src 'unsafe-inline'; sandbox");
        assertThat(get("/api/v1/posts/x").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    }

    @Test
    void prometheusFromAnInternalAddressIsNotRateLimited() throws Exception {
        HttpResponse<String> scrape = get("/actuator/prometheus", "X-Forwarded-For", "127.0.0.1");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("X-RateLimit-Policy")).isEmpty();
        assertThat(get("/actuator/prometheus", "X-Forwarded-For", "198.51.100.9")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void servicesLearnTheHostAndPortTheClientAddressed() throws Exception {
        get("/api-docs/content");
        StandInService.Received docs = SERVICES.get("content").last("/v3/api-docs");
        assertThat(docs.headers().getFirst("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(docs.headers().getFirst("X-Forwarded-Port")).isEqualTo(Integer.toString(port));
    }

    @Test
    void healthIsUp() throws Exception {
        assertThat(get("/actuator/health").body()).contains("UP");
    }
}
