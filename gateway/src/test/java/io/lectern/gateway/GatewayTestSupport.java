package io.lectern.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running gateway shared by the test classes that extend this (same configuration, so Spring
 * caches one context): stand-in services, a JWKS the tests control, the machine's real Redis under
 * this run's namespace. 127.0.0.1 is a trusted proxy here, so each request can say which client it
 * comes from through X-Forwarded-For and tests never share a rate-limit bucket by accident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTestSupport {

    static final String[] NAMES = {"identity", "content", "learning", "ai", "billing", "notify"};
    static final Map<String, StandInService> SERVICES = new LinkedHashMap<>();
    static final TestKeys KEYS = new TestKeys();
    /** Plays the web app (web/), which answers every path no service route claims. */
    static final StandInService WEB = new StandInService("web");

    static {
        for (String name : NAMES) {
            SERVICES.put(name, new StandInService(name));
        }
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        SERVICES.forEach((name, service) -> registry.add("LECTERN_" + name.toUpperCase() + "_URL", service::url));
        registry.add("LECTERN_WEB_URL", WEB::url);
        registry.add("lectern.gateway.auth.jwk-set-uri", KEYS::jwkSetUri);
        registry.add("lectern.gateway.auth.jwks-min-refresh-interval", () -> "200ms");
        registry.add("lectern.gateway.auth.jwks-refresh-interval", () -> "1s");
        registry.add("lectern.gateway.edge.trusted-proxies", () -> "127.0.0.1/32");
        registry.add("lectern.gateway.edge.max-request-size", () -> "64KB");
        registry.add("lectern.gateway.resilience.wait-in-open-state", () -> "500ms");
        registry.add("lectern.gateway.resilience.minimum-calls", () -> "3");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A client address of its own for each call unless the test names one. */
    static String randomClientIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "203.0." + r.nextInt(0, 255) + "." + r.nextInt(1, 255);
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        boolean namedClient = false;
        for (int i = 0; i < headers.length; i += 2) {
            namedClient |= headers[i].equalsIgnoreCase("X-Forwarded-For");
        }
        if (!namedClient) {
            builder.header("X-Forwarded-For", randomClientIp());
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return http.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        return http.send(
                request(path, headers)
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
