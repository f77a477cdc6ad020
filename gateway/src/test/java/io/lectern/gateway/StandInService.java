package io.lectern.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays one Lectern service: answers JSON naming itself and records every request it receives
 * (path and headers), so tests can see exactly what the gateway forwarded. Can be stopped and
 * started again on the same port, like a service that crashes and comes back.
 */
final class StandInService {

    record Received(String method, String path, Headers headers) {}

    final String name;
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile HttpServer server;

    StandInService(String name) {
        this.name = name;
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
