package io.openclaw.hq.gateway.auth;

/**
 * Who a request is from once authenticated: a browser session or an API client holding the
 * console token. {@code actor} is the token's fingerprint, {@code person} the Tailscale login
 * when known. Only sessions carry a CSRF token: an API client's custom header already cannot be
 * sent cross-site.
 */
public record Principal(Kind kind, String actor, String person, String client, String csrfToken) {

    public enum Kind {
        SESSION, TOKEN
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isSession() {
        return kind == Kind.SESSION;
    }
}
