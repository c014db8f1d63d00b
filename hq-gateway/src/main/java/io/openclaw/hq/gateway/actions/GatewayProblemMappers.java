package io.openclaw.hq.gateway.actions;

import io.openclaw.hq.platform.errors.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The gateway's own failures in the one Problem shape; the platform maps everything else. */
public class GatewayProblemMappers {

    @ServerExceptionMapper
    public Response dispatchFailed(DispatchFailedException e) {
        Response.ResponseBuilder answer = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Problem(e.status(), e.title(), e.getMessage(), e.runId(), null));
        if (e.retryAfter() != null) {
            // the busy backend said when to come back; the operator's client should hear it too
            answer.header("Retry-After", e.retryAfter());
        }
        return answer.build();
    }
}
