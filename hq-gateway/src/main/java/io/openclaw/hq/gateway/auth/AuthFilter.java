package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.gateway.sms.SmsInboundConfig;
import io.openclaw.hq.platform.errors.Problem;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request that reaches JAX-RS passes here before matching, so unknown paths, odd letter
 * case, trailing slashes and encodings all need credentials too. The decision reads the session
 * table and may write the audit log, so it runs on a worker thread, never on the event loop.
 */
public class AuthFilter {

    static final String PRINCIPAL_PROPERTY = "openclaw.gateway.principal";

    private final Gatekeeper gatekeeper;
    private final GatewayConfig config;
    private final TrustedProxies proxies;
    private final CurrentPrincipal current;
    private final SmsInboundConfig smsInbound;

    public AuthFilter(Gatekeeper gatekeeper, GatewayConfig config, CurrentPrincipal current, TrustedProxies proxies,
            SmsInboundConfig smsInbound) {
        this.smsInbound = smsInbound;
        this.proxies = proxies;
        this.gatekeeper = gatekeeper;
        this.config = config;
        this.current = current;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext context, HttpServerRequest request) {
        if (OpenPaths.isOpen(request.method().name(), request.path(), smsInbound.webhookEnabled())) {
            return Uni.createFrom().nullItem();
        }
        RequestFacts facts = RequestFactsReader.read(request, config.session().cookie(), proxies);
        boolean htmx = request.getHeader("HX-Request") != null;
        java.util.Optional<AuthDecision> quick = gatekeeper.quickAllow(facts);
        if (quick.isPresent()) {
            context.setProperty(PRINCIPAL_PROPERTY, quick.get().principal());
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(() -> gatekeeper.decide(facts))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(decision -> {
                    if (decision.allowed()) {
                        context.setProperty(PRINCIPAL_PROPERTY, decision.principal());
                        return null;
                    }
                    return refusal(decision, facts, htmx, RequestFactsReader.isHttps(request, proxies));
                });
    }

    /** After matching the request scope is active: hand the principal to the resources. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public void bindPrincipal(ContainerRequestContext context) {
        Object principal = context.getProperty(PRINCIPAL_PROPERTY);
        if (principal instanceof Principal p) {
            current.bind(p);
        }
    }

    private Response refusal(AuthDecision decision, RequestFacts facts, boolean htmx, boolean https) {
        Response.ResponseBuilder builder;
        if (decision.toLogin() && htmx) {
            builder = Response.status(decision.status()).header("HX-Redirect", "/login");
        } else if (decision.toLogin() && facts.wantsHtml() && "GET".equals(facts.method())) {
            builder = Response.seeOther(java.net.URI.create("/login"));
        } else {
            builder = Response.status(decision.status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Problem(decision.status(), decision.title(), decision.detail()));
        }
        if (decision.status() == 429) {
            builder.header("Retry-After", "60");
        }
        if (decision.clearCookie()) {
            builder.header("Set-Cookie", SessionCookies.cleared(config.session().cookie(), https));
        }
        return builder.build();
    }
}
