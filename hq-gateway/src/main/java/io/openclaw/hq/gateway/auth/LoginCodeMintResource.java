package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.AuditLog;
import io.openclaw.hq.gateway.audit.UnauthenticatedRefusals;
import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.platform.auth.InternalToken;
import io.openclaw.hq.platform.errors.Problem;
import io.openclaw.hq.platform.secrets.Secret;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /internal/login-codes}: what {@code ./hq login-link} calls. Open to no session and no
 * console token: only the internal token (read by the script from the secrets directory, sent in
 * {@code X-HQ-Internal-Token}, never in argv) mints a code, so whoever may mint one could read the
 * secrets anyway. {@code ?check=true} checks the token and mints nothing ({@code ./hq secrets doctor
 * hq_internal_token}). Every mint and every refusal is audited; the code is never logged.
 */
@Path("/internal/login-codes")
public class LoginCodeMintResource {

    /** The answer: a path to append to the origin HQ is reached at, and the origins configured. */
    @RegisterForReflection
    public record MintedLink(String path, List<String> origins, String expiresAt) {

        @Override
        public String toString() {
            return "MintedLink[hidden]";
        }
    }

    private final InternalToken internalToken;
    private final LoginCodes codes;
    private final AuditLog audit;
    private final UnauthenticatedRefusals refusals;
    private final GatewayConfig config;
    private final TrustedProxies proxies;

    public LoginCodeMintResource(InternalToken internalToken, LoginCodes codes, AuditLog audit,
            UnauthenticatedRefusals refusals, GatewayConfig config, TrustedProxies proxies) {
        this.internalToken = internalToken;
        this.codes = codes;
        this.audit = audit;
        this.refusals = refusals;
        this.config = config;
        this.proxies = proxies;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response mint(@QueryParam("check") boolean check, @Context HttpServerRequest request) {
        String person = RequestFactsReader.person(request, proxies);
        String client = RequestFactsReader.client(request, person, proxies);
        Optional<Secret> expected = internalToken.current();
        if (expected.isEmpty()) {
            refusals.record(new AuditEvent("login_code.mint", "refused", "anonymous", person, client,
                    "hq_internal_token is not configured"));
            return problem(503, "auth unavailable", "hq_internal_token is not configured; no login code can be minted");
        }
        if (!expected.get().matches(request.getHeader(InternalToken.HEADER))) {
            refusals.record(new AuditEvent("login_code.mint", "refused", "anonymous", person, client,
                    "missing or wrong " + InternalToken.HEADER));
            return problem(401, "unauthorized", "send the internal token in " + InternalToken.HEADER);
        }
        if (check) {
            return Response.noContent().build();
        }
        LoginCodes.Minted minted = codes.mint();
        audit.append(new AuditEvent("login_code.mint", "ok", expected.get().fingerprint(), person, client,
                "one-time login link valid until " + minted.expiresAt()));
        return Response.status(201).entity(new MintedLink("/login/link?code=" + minted.code(),
                config.allowedOrigins().orElse(List.of()), minted.expiresAt().toString())).build();
    }

    private static Response problem(int status, String title, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new Problem(status, title, detail))
                .build();
    }
}
