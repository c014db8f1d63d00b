package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.AuditLog;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Ends the session. Behind the gatekeeper: the session and its CSRF token are needed to get here. */
@Path("/logout")
public class LogoutResource {

    private final SessionStore sessions;
    private final AuditLog audit;
    private final GatewayConfig config;
    private final TrustedProxies proxies;
    private final CurrentPrincipal caller;

    public LogoutResource(SessionStore sessions, AuditLog audit, GatewayConfig config, CurrentPrincipal caller,
            TrustedProxies proxies) {
        this.proxies = proxies;
        this.sessions = sessions;
        this.audit = audit;
        this.config = config;
        this.caller = caller;
    }

    @POST
    public Response logout(@Context HttpServerRequest request) {
        Principal principal = caller.get();
        Cookie cookie = request.getCookie(config.session().cookie());
        if (principal.isSession() && cookie != null) {
            sessions.end(cookie.getValue());
        }
        audit.append(new AuditEvent("logout", "ok", principal.actor(), principal.person(), principal.client(),
                principal.isSession() ? "session ended" : "token client: no session to end"));
        String cleared = SessionCookies.cleared(config.session().cookie(), RequestFactsReader.isHttps(request, proxies));
        // htmx follows redirects itself and would lose the header, so it is told where to go instead
        Response.ResponseBuilder answer = request.getHeader("HX-Request") != null
                ? Response.ok().header("HX-Redirect", "/login")
                : Response.seeOther(URI.create("/login"));
        return answer.header("Set-Cookie", cleared).build();
    }
}
