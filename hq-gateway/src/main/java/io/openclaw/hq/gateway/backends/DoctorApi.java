package io.openclaw.hq.gateway.backends;

import io.openclaw.hq.platform.auth.InternalTokenHeaderFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** doctor-service (8782), what the panels read: reports, history, the guard. Actions: {@link DoctorActionsApi}. */
@RegisterRestClient(configKey = "doctor")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface DoctorApi extends RunsApi {

    @GET
    @Path("/doctor/reports")
    Response reports(@QueryParam("limit") Integer limit);

    @GET
    @Path("/doctor/reports/{runId}")
    Response report(@PathParam("runId") String runId);

    @GET
    @Path("/heal/{runId}")
    Response healResult(@PathParam("runId") String runId);

    @GET
    @Path("/doctor/history")
    Response history(@QueryParam("days") Integer days);

    @GET
    @Path("/guard/status")
    Response guardStatus();

    @GET
    @Path("/guard/log")
    Response guardLog(@QueryParam("lines") Integer lines);
}
