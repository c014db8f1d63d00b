package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.auth.InternalTokenHeaderFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** doctor-service (8782): checks, reports, the guard, heal. */
@RegisterRestClient(configKey = "doctor")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface DoctorApi extends RunsApi {

    @POST
    @Path("/doctor/run")
    JsonNode runDoctor(JsonNode body);

    @GET
    @Path("/doctor/reports")
    JsonNode reports(@QueryParam("limit") Integer limit);

    @GET
    @Path("/doctor/history")
    JsonNode history(@QueryParam("days") Integer days);

    @GET
    @Path("/guard/status")
    JsonNode guardStatus();

    @POST
    @Path("/guard/run")
    JsonNode runGuard(JsonNode body);

    @GET
    @Path("/guard/log")
    JsonNode guardLog(@QueryParam("lines") Integer lines);

    @POST
    @Path("/heal")
    JsonNode heal(JsonNode body);

}
