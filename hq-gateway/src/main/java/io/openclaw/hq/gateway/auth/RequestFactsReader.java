package io.openclaw.hq.gateway.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** Reads the facts the gatekeeper and the login page need off a Vert.x request. */
final class RequestFactsReader {

    static final String TAILSCALE_LOGIN = "Tailscale-User-Login";

    private RequestFactsReader() {
    }

    static RequestFacts read(HttpServerRequest request, String cookieName, TrustedProxies proxies) {
        Cookie cookie = request.getCookie(cookieName);
        String accept = request.getHeader("Accept");
        String person = person(request, proxies);
        return new RequestFacts(request.method().name(), request.path(),
                blankToNull(request.getHeader(Gatekeeper.TOKEN_HEADER)),
                cookie == null ? null : blankToNull(cookie.getValue()),
                request.getHeader(Gatekeeper.CSRF_HEADER),
                request.getHeader("Origin"), request.getHeader("Referer"), request.getHeader("Host"),
                proxies.forwarded(request, "X-Forwarded-Host"), person, client(request, person, proxies),
                accept != null && accept.contains("text/html"));
    }

    /** The Tailscale login of the person, when a trusted proxy (Tailscale Serve) says so. */
    static String person(HttpServerRequest request, TrustedProxies proxies) {
        return blankToNull(proxies.forwarded(request, TAILSCALE_LOGIN));
    }

    /**
     * The throttle key. Serve strips client-sent copies of these headers, so they are believed only
     * when Serve (a trusted proxy) is the peer; otherwise the peer's own address is the key.
     */
    static String client(HttpServerRequest request, String person, TrustedProxies proxies) {
        if (person != null) {
            return "ts:" + person;
        }
        String forwarded = proxies.forwarded(request, "X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return "ip:" + forwarded.split(",")[0].strip();
        }
        return request.remoteAddress() == null ? "ip:unknown" : "ip:" + request.remoteAddress().hostAddress();
    }

    static boolean isHttps(HttpServerRequest request, TrustedProxies proxies) {
        return "https".equalsIgnoreCase(proxies.forwarded(request, "X-Forwarded-Proto")) || "https".equals(request.scheme());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
