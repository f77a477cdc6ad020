package io.lectern.gateway.edge;

import io.lectern.contracts.events.Headers;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/** The request id of an exchange: the caller's when it looks like an id, else a fresh one. */
public final class RequestIds {

    static final String ATTRIBUTE = RequestIds.class.getName();
    /** Same shape the services accept, so an id survives every hop and never carries log-injection text. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {}

    static String accept(@Nullable String offered) {
        return offered != null && SAFE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }

    public static @Nullable String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    static String header() {
        return Headers.REQUEST_ID;
    }
}
