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

/** notify-service (8783): channel state, quota, deliveries. */
@RegisterRestClient(configKey = "notify")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface NotifyApi extends RunsApi {

    @GET
    @Path("/status")
    Response status();

    @GET
    @Path("/deliveries")
    Response deliveries(@QueryParam("limit") Integer limit);

    /** One light authenticated call to the provider with the stored credentials (./hq secrets doctor). */
    @jakarta.ws.rs.POST
    @Path("/providers/{provider}/check")
    Response providerCheck(@jakarta.ws.rs.PathParam("provider") String provider);
}
