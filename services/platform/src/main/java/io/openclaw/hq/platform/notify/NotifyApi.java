package io.openclaw.hq.platform.notify;

import io.openclaw.hq.platform.auth.InternalTokenHeaderFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "notify")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Path("/alerts")
interface NotifyApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response send(AlertRequest alert);
}
