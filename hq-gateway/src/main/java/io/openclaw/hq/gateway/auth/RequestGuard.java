package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.UnauthenticatedRefusals;
import io.openclaw.hq.platform.errors.Problem;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The first look at every request, before authentication reads anything off it: it must be
 * addressed to an allowed host (DNS rebinding), its path, query and headers must be text the
 * audit log can hold (no NUL or other control character, valid UTF-8), and an endpoint that
 * takes no body must not be sent one. Each refusal is a 400 naming what was wrong and is audited
 * like any refusal of an unauthenticated request (counted, the first few in full, escaped).
 */
public class RequestGuard {

    /** Header values that are credentials: named in a refusal, never quoted. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("x-openclaw-token", "cookie", "authorization",
            "x-csrf-token", "x-twilio-signature", "x-hq-internal-token");
    private static final Set<String> BODILESS_METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");
    /** POST endpoints of the gateway that act on their path alone. */
    private static final Pattern BODILESS_POSTS = Pattern.compile("/logout|/actions/[^/]+");

    private final TrustedProxies proxies;
    private final AllowedHosts hosts;
    private final UnauthenticatedRefusals refusals;

    public RequestGuard(TrustedProxies proxies, AllowedHosts hosts, UnauthenticatedRefusals refusals) {
        this.proxies = proxies;
        this.hosts = hosts;
        this.refusals = refusals;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Uni<Response> inspect(ContainerRequestContext context, HttpServerRequest request) {
        Optional<Refusal> refusal = refusalOf(request);
        if (refusal.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String client = "ip:" + proxies.clientAddress(request);
        Refusal r = refusal.get();
        return Uni.createFrom().item(() -> {
            refusals.record(new AuditEvent("request.refused", "refused", "anonymous", null, client,
                    request.method().name() + " " + abbreviate(request.path()) + ": " + r.audited()));
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Problem(400, r.title(), r.detail())).build();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** What is wrong with the request, checked in the order a client would fix it; empty when nothing. */
    Optional<Refusal> refusalOf(HttpServerRequest request) {
        RequestOrigin origin = RequestOrigin.of(request, proxies);
        if (!hosts.allows(origin.host())) {
            String named = origin.authority() == null ? "no Host" : "Host " + origin.authority();
            String detail = named + " is not an address of this HQ: use a loopback address or one of "
                    + "gateway.allowed-origins" + (hosts.configured().isEmpty() ? " (none configured)" : " " + hosts.configured());
            return Optional.of(new Refusal("unknown host", detail, named + " is not an allowed host"));
        }
        Optional<String> text = RequestText.problemInEncoded("path", request.path())
                .or(() -> RequestText.problemInEncoded("query", request.query()));
        if (text.isPresent()) {
            return Optional.of(new Refusal("bad request", text.get(), text.get()));
        }
        for (Map.Entry<String, String> header : request.headers()) {
            Optional<String> problem = RequestText.problemInHeader(header.getKey(), header.getValue());
            if (problem.isPresent()) {
                String quoted = CREDENTIAL_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT)) ? ""
                        : " (value: " + abbreviate(header.getValue()) + ")";
                return Optional.of(new Refusal("bad request", problem.get(), problem.get() + quoted));
            }
        }
        if (hasBody(request) && takesNoBody(request.method().name(), request.path())) {
            String detail = request.method().name() + " " + request.path() + " takes no body; send none";
            return Optional.of(new Refusal("bad request", detail, "a body where none is taken"));
        }
        return Optional.empty();
    }

    static boolean takesNoBody(String method, String path) {
        return BODILESS_METHODS.contains(method) || ("POST".equals(method) && path != null && BODILESS_POSTS.matcher(path).matches());
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** A refusal: its title and detail for the client, and what the audit log says. */
    record Refusal(String title, String detail, String audited) {
    }
}
