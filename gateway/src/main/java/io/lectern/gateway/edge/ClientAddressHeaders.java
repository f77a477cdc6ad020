package io.lectern.gateway.edge;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells services who the client is, as the gateway decided it (see {@link ClientAddress}): one
 * X-Forwarded-For value, the scheme, and the host and port the client addressed (without the port a
 * service behind forward-headers processing assumes 80/443, and absolute URLs it builds from the
 * request, such as a redirect's location, lose the port). Runs last among the header filters because Spring Cloud
 * Gateway strips every X-Forwarded-* header when its own trusted-proxy list is empty, which is how
 * we run it (the trust decision is ours, made once in {@link EdgeFilter}).
 */
public final class ClientAddressHeaders implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ClientAddress client = ClientAddress.of(exchange);
        HttpHeaders output = new HttpHeaders();
        output.putAll(input);
        output.set("X-Forwarded-For", client.ip());
        output.set("X-Forwarded-Proto", client.secure() ? "https" : "http");
        java.net.InetSocketAddress host = exchange.getRequest().getHeaders().getHost();
        if (host != null) {
            boolean explicitPort = host.getPort() > 0;
            output.set(
                    "X-Forwarded-Host",
                    explicitPort ? host.getHostString() + ":" + host.getPort() : host.getHostString());
            output.set(
                    "X-Forwarded-Port", Integer.toString(explicitPort ? host.getPort() : client.secure() ? 443 : 80));
        }
        return output;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
