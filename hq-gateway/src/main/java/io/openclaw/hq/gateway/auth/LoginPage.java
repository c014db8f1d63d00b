package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.UnauthenticatedRefusals;
import io.openclaw.hq.platform.secrets.Secret;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import io.openclaw.hq.gateway.pages.FormFields;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The console token is posted once and exchanged for a session cookie.
 * Login is refused cross-origin (login CSRF) and throttled per client (429).
 */
@Path("/login")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error);
    }

    private final ConsoleToken consoleToken;
    private final SessionOpening opening;
    private final LoginThrottle throttle;
    private final UnauthenticatedRefusals refusals;
    private final GatewayConfig config;
    private final TrustedProxies proxies;

    public LoginPage(ConsoleToken consoleToken, SessionOpening opening, LoginThrottle throttle,
            UnauthenticatedRefusals refusals, GatewayConfig config, TrustedProxies proxies) {
        this.proxies = proxies;
        this.consoleToken = consoleToken;
        this.opening = opening;
        this.throttle = throttle;
        this.refusals = refusals;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return Templates.login(null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpServerRequest request) {
        String person = RequestFactsReader.person(request, proxies);
        String client = RequestFactsReader.client(request, person, proxies);
        if (!OriginCheck.isSameOrigin(request.getHeader("Origin"), request.getHeader("Referer"),
                RequestOrigin.of(request, proxies).origin(), config.allowedOrigins().orElse(List.of()))) {
            refused("refused", person, client, "cross-origin login form");
            return page(403, "This login came from another site and was refused.");
        }
        MultivaluedMap<String, String> form;
        try {
            form = FormFields.read(body, contentType);
        } catch (FormFields.MalformedFormException e) {
            // a broken body is a failed login like a wrong token: throttled, counted, and it says what was wrong
            if (throttle.isBlocked(client)) {
                return tooManyFailures(person, client);
            }
            throttle.recordFailure(client);
            refused("failed", person, client, "malformed login form: " + e.why());
            return page(e.status(), "The login form could not be read: " + e.why() + ". Log in from this page.");
        }
        List<String> tokens = form.get("token");
        if (tokens != null && tokens.size() > 1) {
            // two values: which one would be checked is the server's guess; refuse instead of guessing
            refused("refused", person, client, "token field given " + tokens.size() + " times");
            return page(400, "The form sent the token field more than once; send it once.");
        }
        String token = tokens == null || tokens.isEmpty() ? null : tokens.get(0);
        if (throttle.isBlocked(client)) {
            return tooManyFailures(person, client);
        }
        Optional<Secret> expected = consoleToken.current();
        if (expected.isEmpty()) {
            refused("refused", person, client, "console token is not configured");
            return page(503, "The console token is not configured on this host; nobody can log in until it is.");
        }
        if (token == null || !expected.get().matches(token.strip())) {
            throttle.recordFailure(client);
            refused("failed", person, client, token == null || token.isBlank() ? "empty token" : "wrong token");
            return page(401, "That is not the console token.");
        }
        return opening.open(expected.get(), person, client, "", request);
    }

    private Response tooManyFailures(String person, String client) {
        refused("rate_limited", person, client, "too many failed logins");
        return Response.status(429).header("Retry-After", "60")
                .entity(Templates.login("Too many failed logins. Wait a minute and try again.")).build();
    }

    private Response page(int status, String error) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.login(error)).build();
    }

    /** A login that did not happen: nobody is authenticated yet, so it is counted and sampled. */
    private void refused(String outcome, String person, String client, String detail) {
        refusals.record(new AuditEvent("login", outcome, "anonymous", person, client, detail));
    }
}
