package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.auth.InternalTokenHeaderFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notify-service (8783): alert state and deliveries. */
@RegisterRestClient(configKey = "notify")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface NotifyApi extends RunsApi {

    @GET
    @Path("/status")
    JsonNode status();

    @GET
    @Path("/deliveries")
    JsonNode deliveries(@QueryParam("limit") Integer limit);

}
