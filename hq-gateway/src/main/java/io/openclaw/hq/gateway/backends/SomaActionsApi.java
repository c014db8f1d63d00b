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
 * soma-sync-service's work endpoints, named here; until the service has them it answers 404 and
 * HQ shows "not implemented". Own client, no panel breaker.
 */
@RegisterRestClient(configKey = "soma-actions")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface SomaActionsApi {

    @POST
    @Path("/soma/snapshot")
    Response snapshot(@HeaderParam(Caller.ACTOR_HEADER) String actor, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            JsonNode body);

    @POST
    @Path("/soma/harvest")
    Response harvest(@HeaderParam(Caller.ACTOR_HEADER) String actor, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            JsonNode body);

    @POST
    @Path("/soma/mirror")
    Response mirror(@HeaderParam(Caller.ACTOR_HEADER) String actor, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            JsonNode body);
}
