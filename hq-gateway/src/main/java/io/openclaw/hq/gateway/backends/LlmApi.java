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

/** llm-router-service (8781): provider status, spend, provider doctor. */
@RegisterRestClient(configKey = "llm")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface LlmApi extends RunsApi {

    @GET
    @Path("/v1/status")
    JsonNode status();

    @GET
    @Path("/v1/spend")
    JsonNode spend(@QueryParam("days") Integer days);

    @POST
    @Path("/v1/doctor")
    JsonNode runDoctor(JsonNode body);

}
