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
                request.getHeader("Origin"), request.getHeader("Referer"), RequestOrigin.of(request, proxies).origin(),
                person, client(request, person, proxies),
                accept != null && accept.contains("text/html"));
    }

    /** The Tailscale login of the person, when a trusted proxy (Tailscale Serve) says so. */
    static String person(HttpServerRequest request, TrustedProxies proxies) {
        return blankToNull(proxies.forwarded(request, TAILSCALE_LOGIN));
    }

    /**
     * The throttle key and the audit's client: the Tailscale login when a trusted proxy (Serve)
     * names one, else the client's address as {@link TrustedProxies#clientAddress} reads it. Never
     * a value the client wrote itself.
     */
    static String client(HttpServerRequest request, String person, TrustedProxies proxies) {
        if (person != null) {
            return "ts:" + person;
        }
        return "ip:" + proxies.clientAddress(request);
    }

    static boolean isHttps(HttpServerRequest request, TrustedProxies proxies) {
        return "https".equals(RequestOrigin.of(request, proxies).scheme());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
