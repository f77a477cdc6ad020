package io.lectern.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8}; a bare address means that one host. */
public record Cidr(byte[] network, int prefix) {

    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        try {
            byte[] address = literal(parts[0]).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
            return new Cidr(address, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR network: " + text, e);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefix / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    private static final java.util.regex.Pattern LITERAL =
            java.util.regex.Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    /** Parses an IP literal; anything else is refused, so a header value can never trigger a DNS lookup. */
    public static InetAddress literal(String text) throws UnknownHostException {
        String trimmed = text.trim();
        if (!LITERAL.matcher(trimmed).matches()) {
            throw new UnknownHostException("not an IP literal: " + trimmed);
        }
        return InetAddress.getByName(trimmed);
    }
}
