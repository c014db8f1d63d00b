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
 * is a proxy named in {@code gateway.trusted-proxies} (Tailscale Serve's address; in compose the
 * edge bridge). None is trusted by default. From anyone else the headers are ignored, or a client
 * could pick its own throttle key, audit identity or signed URL by sending them.
 */
@ApplicationScoped
public class TrustedProxies {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<InetAddress> proxies;

    @Inject
    public TrustedProxies(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    TrustedProxies(List<String> addresses) {
        List<String> named = addresses.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        this.proxies = named.stream().map(TrustedProxies::literal).filter(Objects::nonNull).toList();
        if (proxies.size() != named.size()) {
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

    /**
     * The address of the client: the TCP peer, or, when the peer is a trusted proxy, the address
     * that proxy appended to {@code X-Forwarded-For}.
     */
    public String clientAddress(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (peer == null) {
            return "unknown";
        }
        if (!trusts(peer)) {
            return peer;
        }
        return clientAddress(peer, String.join(",", request.headers().getAll("X-Forwarded-For")));
    }

    /**
     * Walks {@code X-Forwarded-For} from the right: each proxy appends the address it was reached
     * from, so the rightmost entry that is not itself a trusted proxy is the one our proxy
     * vouches for. Everything left of it was written by the client and is never believed. An
     * entry there that is no IP literal means the chain is not what a proxy writes: the peer
     * itself is taken then.
     */
    String clientAddress(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            InetAddress address = literal(hop);
            if (address == null) {
                return peer;
            }
            if (!proxies.contains(address)) {
                return address.getHostAddress();
            }
        }
        return peer;
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
        if (bare.isEmpty() || bare.length() > 45 || !IP_LITERAL.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
