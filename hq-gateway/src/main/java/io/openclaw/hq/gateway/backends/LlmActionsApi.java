package io.openclaw.hq.gateway.backends;

import io.openclaw.hq.platform.auth.InternalTokenHeaderFactory;
import io.openclaw.hq.platform.runs.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** llm-router-service's provider doctor, answered {@code 202 RunAccepted}; own client, no panel breaker. */
@RegisterRestClient(configKey = "llm-actions")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface LlmActionsApi {

    @POST
    @Path("/v1/doctor")
    Response runDoctor(@HeaderParam(Caller.ACTOR_HEADER) String actor, @HeaderParam(Caller.TRIGGER_HEADER) String trigger);
}
