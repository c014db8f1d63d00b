package io.openclaw.hq.gateway.audit;

import io.openclaw.hq.platform.auth.InternalTokenHeaderFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** doctor-service's view of the host guard's log (GET /guard/host): where the newest recorded audit head is. */
@RegisterRestClient(configKey = "doctor")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
interface HostGuardApi {

    @GET
    @Path("/guard/host")
    Response host(@QueryParam("lines") Integer lines);
}
