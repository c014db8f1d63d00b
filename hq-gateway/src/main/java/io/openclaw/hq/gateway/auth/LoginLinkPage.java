package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.AuditLog;
import io.openclaw.hq.gateway.audit.UnauthenticatedRefusals;
import io.openclaw.hq.gateway.config.GatewayConfig;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The one-time login link of {@code ./hq login-link}. Opening it ({@code GET}) spends nothing: it
 * shows one button, so a link preview or a prefetching browser cannot use up the code. The button
 * posts the code back ({@code POST}, same origin only, throttled like the token login) and the
 * code becomes a session bound to the current console token. Every exchange is audited; a code
 * used twice or after its minute is refused and audited in full.
 */
@Path("/login/link")
public class LoginLinkPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String code, String error);
    }

    private final LoginCodes codes;
    private final ConsoleToken consoleToken;
    private final SessionOpening opening;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final UnauthenticatedRefusals refusals;
    private final GatewayConfig config;
    private final TrustedProxies proxies;

    public LoginLinkPage(LoginCodes codes, ConsoleToken consoleToken, SessionOpening opening, LoginThrottle throttle,
            AuditLog audit, UnauthenticatedRefusals refusals, GatewayConfig config, TrustedProxies proxies) {
        this.codes = codes;
        this.consoleToken = consoleToken;
        this.opening = opening;
        this.throttle = throttle;
        this.audit = audit;
        this.refusals = refusals;
        this.config = config;
        this.proxies = proxies;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("code") String code) {
        if (code == null || !LoginCodes.SHAPE.matcher(code).matches()) {
            return page(400, null, "This is not a login link from ./hq login-link. Run it again for a new one.");
        }
        return page(200, code, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response exchange(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpServerRequest request) {
        String person = RequestFactsReader.person(request, proxies);
        String client = RequestFactsReader.client(request, person, proxies);
        if (!OriginCheck.isSameOrigin(request.getHeader("Origin"), request.getHeader("Referer"),
                RequestOrigin.of(request, proxies).origin(), config.allowedOrigins().orElse(List.of()))) {
            refusals.record(new AuditEvent("login", "refused", "anonymous", person, client, "cross-origin login link"));
            return page(403, null, "This login came from another site and was refused.");
        }
        MultivaluedMap<String, String> form;
        try {
            form = FormFields.read(body, contentType);
        } catch (FormFields.MalformedFormException e) {
            // a broken body is a failed login like an unknown code: throttled, counted, and it says what was wrong
            if (throttle.isBlocked(client)) {
                return tooManyFailures(person, client);
            }
            throttle.recordFailure(client);
            refusals.record(new AuditEvent("login", "failed", "anonymous", person, client,
                    "malformed login link form: " + e.why()));
            return page(e.status(), null, "The login form could not be read: " + e.why()
                    + ". Open the link from ./hq login-link again.");
        }
        List<String> values = form.get("code");
        if (values == null || values.size() != 1) {
            refusals.record(new AuditEvent("login", "refused", "anonymous", person, client,
                    "login link without exactly one code"));
            return page(400, null, "Send the code of the link once.");
        }
        if (throttle.isBlocked(client)) {
            return tooManyFailures(person, client);
        }
        Optional<Secret> token = consoleToken.current();
        if (token.isEmpty()) {
            refusals.record(new AuditEvent("login", "refused", "anonymous", person, client,
                    "console token is not configured"));
            return page(503, null, "The console token is not configured on this host; nobody can log in until it is.");
        }
        LoginCodes.Outcome outcome = codes.redeem(values.get(0), client);
        switch (outcome) {
            case REDEEMED -> {
                return opening.open(token.get(), person, client, "one-time login link; ", request);
            }
            case USED, EXPIRED -> {
                // a real code spent twice or late: worth a full entry, not a sample
                throttle.recordFailure(client);
                String why = outcome == LoginCodes.Outcome.USED ? "already used" : "expired";
                audit.append(new AuditEvent("login", "failed", "anonymous", person, client, "one-time login link " + why));
                return page(401, null, "This login link was " + why + ". Run ./hq login-link for a new one.");
            }
            default -> {
                throttle.recordFailure(client);
                refusals.record(new AuditEvent("login", "failed", "anonymous", person, client, "unknown login link"));
                return page(401, null, "This login link is not known. Run ./hq login-link for a new one.");
            }
        }
    }

    private Response tooManyFailures(String person, String client) {
        refusals.record(new AuditEvent("login", "rate_limited", "anonymous", person, client, "too many failed logins"));
        return Response.status(429).header("Retry-After", "60").type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.confirm(null, "Too many failed logins. Wait a minute and try again.")).build();
    }

    private static Response page(int status, String code, String error) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.confirm(code, error)).build();
    }
}
