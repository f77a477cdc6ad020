package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Routes reach the service that owns them; one stand-in HTTP server plays every service and records what arrives. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    static final List<String> received = new CopyOnWriteArrayList<>();
    static final HttpServer[] services = new HttpServer[6];
    static final String[] names = {"identity", "content", "learning", "ai", "billing", "notify"};

    static {
        try {
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/", exchange -> {
                    received.add(name + " " + exchange.getRequestURI().getPath());
                    byte[] body = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                services[i] = server;
            }
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        for (int i = 0; i < names.length; i++) {
            int port = services[i].getAddress().getPort();
            registry.add("LECTERN_" + names[i].toUpperCase() + "_URL", () -> "http://127.0.0.1:" + port);
        }
    }

    @AfterAll
    static void stop() {
        for (HttpServer server : services) {
            server.stop(0);
        }
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/auth/login, identity",
        "/.well-known/jwks.json, identity",
        "/api/v1/posts/hello-world, content",
        "/feed.xml, content",
        "/api/v1/progress, learning",
        "/api/v1/ai/ask, ai",
        "/api/v1/billing/plans, billing",
        "/api/v1/notifications, notify"
    })
    void routeGroupsReachTheirOwningService(String path, String owner) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"service\":\"" + owner + "\"");
        assertThat(received).contains(owner + " " + path);
    }

    @Test
    void eachServiceOpenApiDocumentIsServedThroughTheGateway() throws Exception {
        for (String name : names) {
            HttpResponse<String> response = get("/api-docs/" + name);
            assertThat(response.body()).contains(name);
            assertThat(received).contains(name + " /v3/api-docs");
        }
    }

    @Test
    void healthIsUp() throws Exception {
        assertThat(get("/actuator/health").body()).contains("UP");
    }
}
