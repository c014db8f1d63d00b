package io.openclaw.hq.notify.rest;

import io.openclaw.hq.notify.model.SmsRequest;
import io.openclaw.hq.notify.model.SmsResult;
import io.openclaw.hq.notify.service.CallerIdentity;
import io.openclaw.hq.notify.service.SmsService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/messages")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    private final SmsService sms;
    private final CallerIdentity caller;

    public MessagesResource(SmsService sms, CallerIdentity caller) {
        this.sms = sms;
        this.caller = caller;
    }

    @POST
    @Path("/sms")
    public SmsResult sms(SmsRequest request) {
        return sms.send(request, caller.actor());
    }
}
