package vn.ocop.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.http.server.util.ProxyHeaderParser;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The client's address, as throttling and VNPay need it. {@code Forwarded} / {@code X-Forwarded-For} are believed
 * only when the request comes directly from a trusted proxy ({@code ocop.http.trusted-proxies}: addresses or CIDR
 * ranges, none by default); then the right-most address in the chain that is not itself a trusted proxy is the
 * client. Micronaut's default believes those headers from anyone, which lets a client choose its own address.
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
final class TrustedProxyAddressResolver implements HttpClientAddressResolver {

    private final List<Cidr> trusted;

    TrustedProxyAddressResolver(@Value("${ocop.http.trusted-proxies:}") List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public String resolve(@NonNull HttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null ? null : remote.getAddress() == null ? remote.getHostString()
                : remote.getAddress().getHostAddress();
        if (peer == null || !isTrusted(peer)) {
            return peer;
        }
        List<String> chain = new ProxyHeaderParser(request).getFor();
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!isTrusted(chain.get(i))) {
                return chain.get(i);
            }
        }
        return chain.isEmpty() ? peer : chain.getFirst();
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** An address range: {@code 10.0.0.0/8}, {@code fd00::/8}, or one address. */
    private record Cidr(byte[] network, int prefixBits) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (address.length == 0 || bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("ocop.http.trusted-proxies: not an address or CIDR range: " + text);
            }
            return new Cidr(address, bits);
        }

        boolean contains(String candidate) {
            byte[] address = literal(candidate);
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The bytes of an IP literal; empty for anything else (host names are never looked up). */
        private static byte[] literal(String text) {
            String value = text.strip();
            if (value.startsWith("[") && value.endsWith("]")) {
                value = value.substring(1, value.length() - 1);
            }
            boolean ipv4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean ipv6 = value.contains(":") && value.matches("[0-9a-fA-F.:]+");
            if (!ipv4 && !ipv6) {
                return new byte[0];
            }
            try {
                return InetAddress.getByName(value).getAddress();
            } catch (UnknownHostException e) {
                return new byte[0];
            }
        }
    }
}
