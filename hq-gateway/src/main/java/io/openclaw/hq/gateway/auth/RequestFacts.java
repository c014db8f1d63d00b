package io.openclaw.hq.gateway.auth;

/**
 * What the gatekeeper needs to know about a request, read off it once. {@code client} is the
 * Tailscale login, else the forwarded or remote address: the key of the login throttle.
 */
public record RequestFacts(String method, String rawPath, String token, String sessionCookie, String csrfHeader,
        String origin, String referer, String host, String forwardedHost, String person, String client,
        boolean wantsHtml) {

    public boolean isStateChanging() {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    @Override
    public String toString() {
        // never the token or the cookie
        return method + " " + rawPath + " from " + client;
    }
}
