package io.lectern.gateway.edge;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells services who the client is, as the gateway decided it (see {@link ClientAddress}): one
 * X-Forwarded-For value and the scheme. Runs last among the header filters because Spring Cloud
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
        return output;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
