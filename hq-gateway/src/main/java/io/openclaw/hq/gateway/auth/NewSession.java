package io.openclaw.hq.gateway.auth;

import java.time.Instant;

/** A session just created: the cookie value goes to the browser once and is stored only hashed. */
public record NewSession(String cookieValue, String csrfToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "NewSession[expiresAt=" + expiresAt + "]";
    }
}
