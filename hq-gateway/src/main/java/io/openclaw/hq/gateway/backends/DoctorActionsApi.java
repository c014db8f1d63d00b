package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * doctor-service's actions, each answered {@code 202 RunAccepted} once the run is recorded. Its
 * own client ({@code doctor-actions}): a longer timeout to get the 202 and no panel breaker.
 */
@RegisterRestClient(configKey = "doctor-actions")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface DoctorActionsApi {

    @POST
    @Path("/doctor/run")
    Response runDoctor(@HeaderParam(Caller.ACTOR_HEADER) String actor, @HeaderParam(Caller.TRIGGER_HEADER) String trigger);

    @POST
    @Path("/guard/run")
    Response runGuard(@HeaderParam(Caller.ACTOR_HEADER) String actor, @HeaderParam(Caller.TRIGGER_HEADER) String trigger);

    @POST
    @Path("/heal")
    Response heal(@HeaderParam(Caller.ACTOR_HEADER) String actor, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            JsonNode body);
}
