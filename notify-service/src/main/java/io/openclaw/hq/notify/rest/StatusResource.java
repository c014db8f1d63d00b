package io.openclaw.hq.notify.rest;

import io.openclaw.hq.notify.model.StatusReport;
import io.openclaw.hq.notify.service.StatusService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final StatusService status;

    public StatusResource(StatusService status) {
        this.status = status;
    }

    @GET
    public StatusReport status() {
        return status.report();
    }
}
