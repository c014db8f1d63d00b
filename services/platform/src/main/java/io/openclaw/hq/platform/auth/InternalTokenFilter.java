package io.openclaw.hq.platform.auth;

import io.openclaw.hq.platform.PlatformConfig;
import io.openclaw.hq.platform.errors.Problem;
import io.openclaw.hq.platform.secrets.Secret;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every REST path of a service needs {@code X-HQ-Internal-Token}. {@code /q/*} (health) is served
 * outside JAX-RS and never reaches this filter. Runs before matching, so an unknown path without a
 * token answers 401 too and the service's routes cannot be probed. Without a configured token
 * nothing is let through: fail closed.
 */
public class InternalTokenFilter {

    private final PlatformConfig config;
    private final InternalToken token;

    public InternalTokenFilter(PlatformConfig config, InternalToken token) {
        this.config = config;
        this.token = token;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireInternalToken(ContainerRequestContext request) {
        if (!config.internalAuth().enabled()) {
            return Optional.empty();
        }
        Optional<Secret> expected = token.current();
        if (expected.isEmpty()) {
            return Optional.of(refuse(503, "internal auth unavailable",
                    "hq_internal_token is not configured; this service refuses every request until it is"));
        }
        String presented = request.getHeaderString(InternalToken.HEADER);
        if (!expected.get().matches(presented)) {
            return Optional.of(refuse(401, "unauthorized",
                    presented == null ? "missing " + InternalToken.HEADER : "wrong " + InternalToken.HEADER));
        }
        return Optional.empty();
    }

    private static Response refuse(int status, String title, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Problem(status, title, detail)).build();
    }
}
