package io.openclaw.hq.gateway.auth;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.Locale;

/**
 * Where a request was sent: its scheme and authority. Behind a trusted proxy those are the ones
 * the proxy forwards ({@code X-Forwarded-Proto}, {@code X-Forwarded-Host}); otherwise the
 * connection's scheme and the request's authority, which is the {@code Host} header over HTTP/1.1
 * and {@code :authority} over HTTP/2 (an h2c client sends no Host), so both are judged alike.
 */
record RequestOrigin(String scheme, String authority) {

    static RequestOrigin of(HttpServerRequest request, TrustedProxies proxies) {
        String forwardedProto = proxies.forwarded(request, "X-Forwarded-Proto");
        String scheme = forwardedProto != null && forwardedProto.strip().equalsIgnoreCase("https") ? "https"
                : forwardedProto != null && forwardedProto.strip().equalsIgnoreCase("http") ? "http"
                : request.isSSL() ? "https" : "http";
        String forwardedHost = proxies.forwarded(request, "X-Forwarded-Host");
        String authority = forwardedHost != null && !forwardedHost.isBlank() ? forwardedHost.strip()
                : authorityOf(request);
        return new RequestOrigin(scheme, authority);
    }

    private static String authorityOf(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null || authority.host() == null || authority.host().isBlank()) {
            return null;
        }
        String host = authority.host();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return authority.port() >= 0 ? host + ":" + authority.port() : host;
    }

    /** {@code scheme://authority}, or null when the request named no authority. */
    String origin() {
        return authority == null ? null : scheme + "://" + authority;
    }

    /** The host name alone, lower case, without port or brackets; null when none was named. */
    String host() {
        if (authority == null) {
            return null;
        }
        String a = authority.toLowerCase(Locale.ROOT);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end > 0 ? a.substring(1, end) : null;
        }
        int colon = a.lastIndexOf(':');
        return colon >= 0 ? a.substring(0, colon) : a;
    }
}
