package io.lectern.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is really calling, and whether over TLS. Forwarding headers are believed only when the socket
 * peer is one of our own proxies; otherwise any client could pick its own rate-limit bucket or claim
 * to be on HTTPS.
 *
 * @param ip the client address used for rate limiting and logs
 * @param secure true when the client connection is TLS (directly, or as reported by a trusted proxy)
 * @param viaTrustedProxy true when the socket peer is a trusted proxy
 */
public record ClientAddress(String ip, boolean secure, boolean viaTrustedProxy) {

    static final String ATTRIBUTE = ClientAddress.class.getName();

    public static ClientAddress of(ServerWebExchange exchange) {
        ClientAddress address = exchange.getAttribute(ATTRIBUTE);
        return address != null ? address : new ClientAddress("unknown", false, false);
    }

    static ClientAddress resolve(ServerHttpRequest request, List<Cidr> trustedProxies) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        boolean tls = request.getSslInfo() != null;
        if (peer == null) {
            return new ClientAddress("unknown", tls, false);
        }
        if (!trusted(peer, trustedProxies)) {
            return new ClientAddress(peer.getHostAddress(), tls, false);
        }
        String client = fromForwardedFor(request.getHeaders().get("X-Forwarded-For"), trustedProxies);
        String proto = last(request.getHeaders().get("X-Forwarded-Proto"));
        boolean secure = tls || "https".equalsIgnoreCase(proto);
        return new ClientAddress(client != null ? client : peer.getHostAddress(), secure, true);
    }

    /**
     * Walks X-Forwarded-For from the right (the hop our proxy appended) and stops at the first address
     * that is not one of our proxies: everything left of it was written by the client and proves nothing.
     */
    static @Nullable String fromForwardedFor(@Nullable List<String> headers, List<Cidr> trustedProxies) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        String[] hops = String.join(",", headers).split(",");
        String leftmostTrusted = null;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            InetAddress address;
            try {
                address = Cidr.literal(hop);
            } catch (UnknownHostException e) {
                return leftmostTrusted;
            }
            if (!trusted(address, trustedProxies)) {
                return address.getHostAddress();
            }
            leftmostTrusted = address.getHostAddress();
        }
        return leftmostTrusted;
    }

    private static boolean trusted(InetAddress address, List<Cidr> trustedProxies) {
        for (Cidr cidr : trustedProxies) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String last(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        String joined = values.get(values.size() - 1);
        int comma = joined.lastIndexOf(',');
        return (comma < 0 ? joined : joined.substring(comma + 1)).trim();
    }
}
