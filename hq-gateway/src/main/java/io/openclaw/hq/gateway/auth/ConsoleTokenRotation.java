package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What happens when a session shows up that was opened under another console token than the
 * current one: the token was rotated ({@code ./hq token rotate}), so every session opened with an
 * earlier token ends at once, and the rotation is audited with how many ended. Sessions are
 * checked against the current token on every request, so none outlives a rotation by more than
 * the token's refresh interval.
 */
@ApplicationScoped
public class ConsoleTokenRotation {

    private final SessionStore sessions;
    private final AuditLog audit;

    public ConsoleTokenRotation(SessionStore sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Ends every session not opened under {@code currentFingerprint}; audited when any ended. */
    public synchronized int endSessionsOfEarlierTokens(String currentFingerprint, String oldFingerprint,
            RequestFacts request) {
        int ended = sessions.endAllBut(currentFingerprint);
        if (ended > 0) {
            audit.append(new AuditEvent("console_token.rotated", "ok", currentFingerprint, request.person(),
                    request.client(), "console token " + oldFingerprint + " replaced by " + currentFingerprint + ": "
                            + ended + " session(s) opened with an earlier token ended"));
        }
        return ended;
    }
}
