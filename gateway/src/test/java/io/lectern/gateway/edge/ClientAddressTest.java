package io.lectern.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {

    static final List<Cidr> PROXIES = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1/128"));

    static ClientAddress from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request =
                MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor.length > 0) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return ClientAddress.resolve(request.build(), PROXIES);
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        ClientAddress address = from("198.51.100.9", "1.2.3.4");
        assertThat(address.ip()).isEqualTo("198.51.100.9");
        assertThat(address.viaTrustedProxy()).isFalse();
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        // the client wrote "6.6.6.6"; our proxies appended the real client and themselves
        assertThat(from("10.0.0.2", "6.6.6.6, 203.0.113.5, 10.0.0.7").ip()).isEqualTo("203.0.113.5");
        assertThat(from("10.0.0.2", "6.6.6.6", "203.0.113.5").ip()).isEqualTo("203.0.113.5");
    }

    @Test
    void garbageInForwardedForNeverResolvesNames() {
        assertThat(from("10.0.0.2", "evil.example.com").ip()).isEqualTo("10.0.0.2");
        assertThat(from("10.0.0.2", "evil.example.com, 10.0.0.3").ip()).isEqualTo("10.0.0.3");
    }

    @Test
    void httpsOnlyBelievedFromATrustedProxy() {
        MockServerHttpRequest trusted = MockServerHttpRequest.get("/")
                .remoteAddress(new InetSocketAddress("10.0.0.2", 1))
                .header("X-Forwarded-Proto", "https")
                .build();
        MockServerHttpRequest stranger = MockServerHttpRequest.get("/")
                .remoteAddress(new InetSocketAddress("198.51.100.1", 1))
                .header("X-Forwarded-Proto", "https")
                .build();
        assertThat(ClientAddress.resolve(trusted, PROXIES).secure()).isTrue();
        assertThat(ClientAddress.resolve(stranger, PROXIES).secure()).isFalse();
    }

    @Test
    void cidrMatchesItsNetworkOnly() throws Exception {
        Cidr net = Cidr.parse("10.1.0.0/16");
        assertThat(net.contains(InetAddress.getByName("10.1.200.3"))).isTrue();
        assertThat(net.contains(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(Cidr.parse("::1/128").contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(Cidr.parse("192.168.1.7").contains(InetAddress.getByName("192.168.1.8")))
                .isFalse();
    }

    @Test
    void ambiguousPathsAreNotCanonical() {
        assertThat(EdgeFilter.wellFormedPath("/api/v1/posts/hello")).isTrue();
        assertThat(EdgeFilter.wellFormedPath("/api/v1/posts/../admin")).isFalse();
        assertThat(EdgeFilter.wellFormedPath("/api/v1/posts/%2E%2E/admin")).isFalse();
        assertThat(EdgeFilter.wellFormedPath("/api/v1/admin;x=1/users")).isFalse();
    }
}
