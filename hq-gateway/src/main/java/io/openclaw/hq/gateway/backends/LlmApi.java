package io.openclaw.hq.gateway.backends;

import io.openclaw.hq.platform.auth.InternalTokenHeaderFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** llm-router-service (8781), what the panels read: provider status, spend. Actions: {@link LlmActionsApi}. */
@RegisterRestClient(configKey = "llm")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface LlmApi extends RunsApi {

    @GET
    @Path("/v1/status")
    Response status();

    @GET
    @Path("/v1/spend")
    Response spend(@QueryParam("days") Integer days);
}
