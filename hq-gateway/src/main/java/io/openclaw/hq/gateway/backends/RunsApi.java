package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The run feed every service offers (the platform's RunResource), declared once for all five clients. */
public interface RunsApi {

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
