package io.openclaw.hq.gateway.sms;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The inbound SMS poller's health, behind the login like every API path. */
@Path("/api/sms/poller")
@Produces(MediaType.APPLICATION_JSON)
public class SmsPollerResource {

    private final SmsPoller poller;

    public SmsPollerResource(SmsPoller poller) {
        this.poller = poller;
    }

    @GET
    public SmsPollerHealth health() {
        return poller.health();
    }
}
