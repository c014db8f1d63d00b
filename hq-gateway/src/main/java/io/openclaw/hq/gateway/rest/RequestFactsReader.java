package io.openclaw.hq.gateway.rest;

import io.openclaw.hq.gateway.model.RequestFacts;
import io.openclaw.hq.gateway.service.Gatekeeper;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** Reads the facts the gatekeeper and the login page need off a Vert.x request. */
final class RequestFactsReader {

    static final String TAILSCALE_LOGIN = "Tailscale-User-Login";

    private RequestFactsReader() {
    }

    static RequestFacts read(HttpServerRequest request, String cookieName) {
        Cookie cookie = request.getCookie(cookieName);
        String accept = request.getHeader("Accept");
        String person = blankToNull(request.getHeader(TAILSCALE_LOGIN));
        return new RequestFacts(request.method().name(), request.path(),
                blankToNull(request.getHeader(Gatekeeper.TOKEN_HEADER)),
                cookie == null ? null : blankToNull(cookie.getValue()),
                request.getHeader(Gatekeeper.CSRF_HEADER),
                request.getHeader("Origin"), request.getHeader("Referer"), request.getHeader("Host"),
                request.getHeader("X-Forwarded-Host"), person, client(request, person),
                accept != null && accept.contains("text/html"));
    }

    /**
     * The throttle key. The gateway listens on loopback only, behind Tailscale Serve, so these
     * headers come from Serve (which strips client-sent copies) and can be trusted here.
     */
    static String client(HttpServerRequest request, String person) {
        if (person != null) {
            return "ts:" + person;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return "ip:" + forwarded.split(",")[0].strip();
        }
        return request.remoteAddress() == null ? "ip:unknown" : "ip:" + request.remoteAddress().hostAddress();
    }

    static boolean isHttps(HttpServerRequest request) {
        return "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")) || "https".equals(request.scheme());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
