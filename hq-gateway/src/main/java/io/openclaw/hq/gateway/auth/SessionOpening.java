package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.AuditLog;
import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.platform.secrets.Secret;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * A login that succeeded, whichever door it came through (the console token or a one-time link):
 * a session bound to the console token's fingerprint, one audited "login ok", and the browser sent
 * to the Overview with its session cookie.
 */
@ApplicationScoped
public class SessionOpening {

    private final SessionStore sessions;
    private final AuditLog audit;
    private final GatewayConfig config;
    private final TrustedProxies proxies;

    public SessionOpening(SessionStore sessions, AuditLog audit, GatewayConfig config, TrustedProxies proxies) {
        this.sessions = sessions;
        this.audit = audit;
        this.config = config;
        this.proxies = proxies;
    }

    /** {@code how} prefixes the audit detail (e.g. "one-time login link; "), empty for the token form. */
    Response open(Secret consoleToken, String person, String client, String how, HttpServerRequest request) {
        NewSession session = sessions.create(consoleToken.fingerprint(), person, consoleToken.fingerprint());
        audit.append(new AuditEvent("login", "ok", consoleToken.fingerprint(), person, client,
                how + "session until " + session.expiresAt()));
        return Response.seeOther(URI.create("/"))
                .header("Set-Cookie", SessionCookies.issued(config.session().cookie(), session.cookieValue(),
                        config.session().ttl(), RequestFactsReader.isHttps(request, proxies)))
                .build();
    }
}
