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

/** soma-sync-service (8784): what the Soma page, the Soma project and SMS read ({@link SomaContract}). */
@RegisterRestClient(configKey = "soma")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface SomaApi extends RunsApi {

    @GET
    @Path("/soma/status")
    Response status();

    @GET
    @Path("/soma/errors")
    Response errors(@QueryParam("limit") Integer limit);

    @GET
    @Path("/soma/mirror/latest")
    Response latestMirror();

    @GET
    @Path("/soma/changes/latest")
    Response latestChanges(@QueryParam("product") String product);

    /** One light authenticated call (Kajabi token, IMAP login) with the stored credentials (./hq secrets doctor). */
    @jakarta.ws.rs.POST
    @Path("/soma/credentials/check")
    Response credentialCheck(@QueryParam("provider") String provider);
}
