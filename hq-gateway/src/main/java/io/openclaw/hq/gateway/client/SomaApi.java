package io.openclaw.hq.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.auth.InternalTokenHeaderFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
interface SomaApi {

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

    @GET
    @Path("/runs")
    JsonNode runs(@QueryParam("since") String since, @QueryParam("limit") Integer limit);

    @GET
    @Path("/runs/{id}")
    JsonNode run(@PathParam("id") String id);

    @GET
    @Path("/runs/{id}/log")
    JsonNode runLog(@PathParam("id") String id, @QueryParam("after") Integer after);
}
