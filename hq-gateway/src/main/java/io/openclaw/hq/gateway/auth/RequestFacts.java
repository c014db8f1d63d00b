package io.openclaw.hq.gateway.auth;

/**
 * What the gatekeeper needs to know about a request, read off it once. {@code client} is the
 * Tailscale login, else the client's address (the key of the login throttle); {@code selfOrigin}
 * the scheme and authority the request was sent to, for the Origin check.
 */
public record RequestFacts(String method, String rawPath, String token, String sessionCookie, String csrfHeader,
        String origin, String referer, String selfOrigin, String person, String client,
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
