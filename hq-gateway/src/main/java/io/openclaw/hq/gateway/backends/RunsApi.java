package io.openclaw.hq.gateway.backends;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The run feed every service offers (the platform's RunsResource), declared once for all five
 * clients: {@code List<RunRecord>}, {@code RunRecord}, {@code RunLogPage}.
 */
public interface RunsApi {

    @GET
    @Path("/runs")
    Response runs(@QueryParam("since") String since, @QueryParam("limit") Integer limit);

    @GET
    @Path("/runs/{id}")
    Response run(@PathParam("id") String id);

    @GET
    @Path("/runs/{id}/log")
    Response runLog(@PathParam("id") String id, @QueryParam("after") Integer after);
}
