package io.openclaw.hq.gateway.auth;

import java.time.Instant;

/** A session cookie looked up: valid (with its row), expired, or unknown (never issued or ended). */
public record SessionLookup(State state, String actor, String person, String csrfToken, Instant expiresAt) {

    public enum State {
        VALID, EXPIRED, UNKNOWN
    }

    public static SessionLookup unknown() {
        return new SessionLookup(State.UNKNOWN, null, null, null, null);
    }
}
