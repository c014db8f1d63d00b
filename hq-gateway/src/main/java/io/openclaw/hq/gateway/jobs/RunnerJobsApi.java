package io.openclaw.hq.gateway.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.auth.InternalTokenHeaderFactory;
import io.openclaw.hq.platform.runs.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * runner-service's job queue as the Jobs page reads and feeds it ({@code docs/runner-service.md},
 * "API"). Its own client ({@code runner-jobs}, same URL as {@code runner}) so a submission gets a
 * little more time than a panel read.
 */
@RegisterRestClient(configKey = "runner-jobs")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface RunnerJobsApi {

    @GET
    @Path("/jobs/allowlist")
    Response allowlist();

    @GET
    @Path("/jobs")
    Response jobs(@QueryParam("limit") Integer limit, @QueryParam("repo") String repo);

    @GET
    @Path("/jobs/{id}")
    Response job(@PathParam("id") String id);

    @GET
    @Path("/jobs/{id}/artifacts")
    Response artifacts(@PathParam("id") String id);

    @POST
    @Path("/jobs")
    Response submit(@HeaderParam(Caller.ACTOR_HEADER) String actor, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            JsonNode body);
}
