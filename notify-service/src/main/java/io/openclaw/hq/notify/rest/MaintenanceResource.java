package io.openclaw.hq.notify.rest;

import io.openclaw.hq.notify.model.MaintenanceRequest;
import io.openclaw.hq.notify.model.MaintenanceWindow;
import io.openclaw.hq.notify.service.CallerIdentity;
import io.openclaw.hq.notify.service.MaintenanceService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

@Path("/maintenance")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {

    private final MaintenanceService maintenance;
    private final CallerIdentity caller;

    public MaintenanceResource(MaintenanceService maintenance, CallerIdentity caller) {
        this.maintenance = maintenance;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(MaintenanceRequest request) {
        MaintenanceWindow window = maintenance.open(request, caller.actor());
        return Response.status(Response.Status.CREATED).entity(window).build();
    }

    /** Active windows only: an expired window is gone. */
    @GET
    public List<MaintenanceWindow> active() {
        return maintenance.active();
    }

    @DELETE
    @Path("/{id}")
    public Response close(@PathParam("id") long id) {
        maintenance.close(id);
        return Response.noContent().build();
    }
}
