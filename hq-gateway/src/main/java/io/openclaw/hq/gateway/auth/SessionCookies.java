package io.openclaw.hq.gateway.auth;

import java.time.Duration;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it),
 * Secure when the request came over HTTPS through Tailscale Serve, and expiring with the session.
 */
final class SessionCookies {

    private SessionCookies() {
    }

    static String issued(String name, String value, Duration ttl, boolean https) {
        return name + "=" + value + "; Path=/; Max-Age=" + ttl.toSeconds() + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : "");
    }

    static String cleared(String name, boolean https) {
        return name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }
}
