package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.audit.AuditLog;
import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.UnauthenticatedRefusals;
import io.openclaw.hq.platform.secrets.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Decides every request that is not on the short open list: console token header or session
 * cookie; for a session, a state-changing request also needs a same-origin Origin/Referer and the
 * session's CSRF token. Each refusal of presented credentials, and each refusal of a
 * state-changing or API request, is audited in one line without any secret.
 */
@ApplicationScoped
public class Gatekeeper {

    public static final String TOKEN_HEADER = "X-OpenClaw-Token";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final ConsoleToken consoleToken;
    private final ConsoleTokenRotation rotation;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final UnauthenticatedRefusals refusals;
    private final List<String> allowedOrigins;

    public Gatekeeper(ConsoleToken consoleToken, ConsoleTokenRotation rotation, SessionStore sessions,
            LoginThrottle throttle, AuditLog audit, UnauthenticatedRefusals refusals, GatewayConfig config) {
        this.consoleToken = consoleToken;
        this.rotation = rotation;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.refusals = refusals;
        this.allowedOrigins = config.allowedOrigins().orElse(List.of());
    }

    /**
     * The one decision that needs neither the database nor the audit log: the right console token
     * from a client that is not throttled. Lets API clients through without a trip to a worker
     * thread; everything else goes to {@link #decide}.
     */
    public Optional<AuthDecision> quickAllow(RequestFacts request) {
        if (request.token() == null || throttle.isBlocked(request.client())) {
            return Optional.empty();
        }
        Optional<Secret> expected = consoleToken.current();
        if (expected.isEmpty() || !expected.get().matches(request.token())) {
            return Optional.empty();
        }
        return Optional.of(AuthDecision.allow(new Principal(Principal.Kind.TOKEN, expected.get().fingerprint(),
                request.person(), request.client(), null)));
    }

    public AuthDecision decide(RequestFacts request) {
        if (request.token() != null) {
            return byToken(request);
        }
        if (request.sessionCookie() != null) {
            return bySession(request);
        }
        if (request.isStateChanging() || !request.wantsHtml()) {
            record(request, "auth.rejected", "no credentials", null);
        }
        return AuthDecision.refuse(401, "unauthorized", "log in or send " + TOKEN_HEADER).sendingBrowsersToLogin(false);
    }

    private AuthDecision byToken(RequestFacts request) {
        if (throttle.isBlocked(request.client())) {
            record(request, "auth.rate_limited", "too many failed logins", null);
            return AuthDecision.refuse(429, "too many requests", "too many failed logins from this client; wait a minute");
        }
        Optional<Secret> expected = consoleToken.current();
        if (expected.isEmpty()) {
            record(request, "auth.rejected", "console token is not configured", null);
            return AuthDecision.refuse(503, "auth unavailable",
                    "openclaw_console_token is not configured; HQ refuses every request until it is");
        }
        if (!expected.get().matches(request.token())) {
            throttle.recordFailure(request.client());
            record(request, "auth.rejected", "wrong " + TOKEN_HEADER, null);
            return AuthDecision.refuse(401, "unauthorized", "wrong " + TOKEN_HEADER);
        }
        return AuthDecision.allow(new Principal(Principal.Kind.TOKEN, expected.get().fingerprint(), request.person(),
                request.client(), null));
    }

    private AuthDecision bySession(RequestFacts request) {
        SessionLookup session = sessions.find(request.sessionCookie());
        if (session.state() != SessionLookup.State.VALID) {
            String why = session.state() == SessionLookup.State.EXPIRED ? "session expired" : "unknown session";
            record(request, "auth.rejected", why, session.actor());
            return AuthDecision.refuse(401, "unauthorized", why + "; log in again").sendingBrowsersToLogin(true);
        }
        Optional<Secret> token = consoleToken.current();
        if (token.isEmpty()) {
            record(request, "auth.rejected", "console token is not configured", session.actor());
            return AuthDecision.refuse(503, "auth unavailable",
                    "openclaw_console_token is not configured; HQ refuses every request until it is");
        }
        if (!token.get().fingerprint().equals(session.tokenFingerprint())) {
            // opened with a console token that has since been rotated: this one and all its kind end now
            rotation.endSessionsOfEarlierTokens(token.get().fingerprint(), session.tokenFingerprint(), request);
            return AuthDecision.refuse(401, "unauthorized", "the console token was rotated; log in again")
                    .sendingBrowsersToLogin(true);
        }
        if (request.isStateChanging()) {
            if (!OriginCheck.isSameOrigin(request.origin(), request.referer(), request.selfOrigin(), allowedOrigins)) {
                record(request, "csrf.rejected", "cross-origin or origin-less request", session.actor());
                return AuthDecision.refuse(403, "forbidden", "cross-origin request refused: Origin or Referer must be this site");
            }
            if (request.csrfHeader() == null || request.csrfHeader().isBlank()) {
                record(request, "csrf.rejected", "missing " + CSRF_HEADER, session.actor());
                return AuthDecision.refuse(403, "forbidden", "missing " + CSRF_HEADER);
            }
            if (!java.security.MessageDigest.isEqual(request.csrfHeader().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    session.csrfToken().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                record(request, "csrf.rejected", "wrong " + CSRF_HEADER, session.actor());
                return AuthDecision.refuse(403, "forbidden", "wrong " + CSRF_HEADER);
            }
        }
        String person = session.person() != null ? session.person() : request.person();
        return AuthDecision.allow(new Principal(Principal.Kind.SESSION, session.actor(), person, request.client(),
                session.csrfToken()));
    }

    /**
     * A refusal of a valid session is audited in full; one of a request with no valid credential
     * (anyone can send those, as fast as they like) is counted and sampled.
     */
    private void record(RequestFacts request, String event, String why, String actor) {
        AuditEvent refusal = new AuditEvent(event, "refused", actor == null ? "anonymous" : actor, request.person(),
                request.client(), request.method() + " " + abbreviate(request.rawPath()) + ": " + why);
        // only a CSRF refusal needs a valid session; the rest (an expired cookie too) is anyone's to send
        if (actor == null || !event.startsWith("csrf.")) {
            refusals.record(refusal);
        } else {
            audit.append(refusal);
        }
    }

    private static String abbreviate(String path) {
        return path.length() > 200 ? path.substring(0, 200) + "…" : path;
    }
}
