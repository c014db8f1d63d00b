package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.auth.InternalTokenHeaderFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * soma-sync-service (8784). The work endpoints are named here; until the service has them it
 * answers 404 and HQ shows "not implemented".
 */
@RegisterRestClient(configKey = "soma")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface SomaApi extends RunsApi {

    @POST
    @Path("/soma/snapshot")
    JsonNode snapshot(JsonNode body);

    @POST
    @Path("/soma/harvest")
    JsonNode harvest(JsonNode body);

    @POST
    @Path("/soma/mirror")
    JsonNode mirror(JsonNode body);

    @GET
    @Path("/soma/status")
    JsonNode status();

}
