package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        "/api/v1/notifications, notify"
    })
    void routeGroupsReachTheirOwningService(String path, String owner) throws Exception {
        HttpResponse<String> response = get(path, "Authorization", KEYS.bearer("routing-user"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"service\":\"" + owner + "\"");
        assertThat(SERVICES.get(owner).last(path)).isNotNull();
    }

    @Test
    void publicContentPathsNeedNoToken() throws Exception {
        for (String path : new String[] {"/feed.xml", "/atom.xml", "/sitemap.xml", "/robots.txt", "/uploads/a.png"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @CsvSource({"/feed.xml, /api/v1/feeds/rss.xml", "/atom.xml, /api/v1/feeds/atom.xml"})
    void siteFeedsAreContentsFeedEndpointsWithoutAToken(String path, String contentPath) throws Exception {
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
        assertThat(page.statusCode()).isIn(200, 302);
        HttpResponse<String> config = get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        for (String name : NAMES) {
            assertThat(config.body()).contains("/api-docs/" + name);
        }
        HttpResponse<String> ui = get("/webjars/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(ui.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    }

    @Test
    void healthIsUp() throws Exception {
        assertThat(get("/actuator/health").body()).contains("UP");
    }
}
