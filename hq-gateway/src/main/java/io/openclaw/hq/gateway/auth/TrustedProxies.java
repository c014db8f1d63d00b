package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Decides whether the forwarding headers of a request ({@code Tailscale-User-Login},
 * {@code X-Forwarded-For}, {@code -Proto}, {@code -Host}) may be believed: only when the TCP peer
 * is the proxy that sets them (Tailscale Serve on loopback; in compose, the edge bridge). From
 * anyone else they are ignored, or a client could pick its own throttle key, audit identity or
 * signed URL by sending them.
 */
@ApplicationScoped
public class TrustedProxies {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<InetAddress> proxies;

    @Inject
    public TrustedProxies(GatewayConfig config) {
        this(config.trustedProxies());
    }

    TrustedProxies(List<String> addresses) {
        this.proxies = addresses.stream().map(String::strip).map(TrustedProxies::literal)
                .filter(Objects::nonNull).toList();
        if (proxies.size() != addresses.size()) {
            throw new IllegalArgumentException("gateway.trusted-proxies must be IP literals, was " + addresses);
        }
    }

    public boolean trusts(HttpServerRequest request) {
        return request.remoteAddress() != null && trusts(request.remoteAddress().hostAddress());
    }

    boolean trusts(String peer) {
        InetAddress address = literal(peer);
        return address != null && proxies.contains(address);
    }

    /** The header's value when the peer is a trusted proxy, otherwise null. */
    public String forwarded(HttpServerRequest request, String header) {
        return trusts(request) ? request.getHeader(header) : null;
    }

    private static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = bare.indexOf('%');
        if (zone >= 0) {
            bare = bare.substring(0, zone);
        }
        // a literal only: never a name lookup on a request path
        if (bare.isEmpty() || !IP_LITERAL.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
