package io.openclaw.hq.notify.rest;

import io.openclaw.hq.notify.model.AlertRequest;
import io.openclaw.hq.notify.model.AlertResult;
import io.openclaw.hq.notify.service.AlertService;
import io.openclaw.hq.notify.service.CallerIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/alerts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    private final AlertService alerts;
    private final CallerIdentity caller;

    public AlertsResource(AlertService alerts, CallerIdentity caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @POST
    public AlertResult report(AlertRequest request) {
        return alerts.handle(request, caller.actor());
    }
}
