package io.openclaw.hq.gateway.auth;

import java.time.Instant;

/**
 * A session cookie looked up: valid (with its row), expired, or unknown (never issued or ended);
 * {@code tokenFingerprint} is the console token it was opened under.
 */
public record SessionLookup(State state, String actor, String person, String csrfToken, Instant expiresAt,
        String tokenFingerprint) {

    public enum State {
        VALID, EXPIRED, UNKNOWN
    }

    public static SessionLookup unknown() {
        return new SessionLookup(State.UNKNOWN, null, null, null, null, null);
    }
}
