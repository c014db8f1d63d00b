package io.openclaw.hq.doctor.rest;

import io.openclaw.hq.doctor.model.HealMode;
import io.openclaw.hq.doctor.model.HealRequest;
import io.openclaw.hq.doctor.model.HealResult;
import io.openclaw.hq.doctor.service.HealService;
import io.openclaw.hq.platform.errors.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/heal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class HealResource {

    private final HealService heal;

    public HealResource(HealService heal) {
        this.heal = heal;
    }

    @POST
    public HealResult heal(HealRequest request, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            @HeaderParam(Caller.ACTOR_HEADER) String actor) {
        if (request == null || request.mode() == null) {
            throw ProblemException.badRequest("body must be {\"mode\": \"check-only\" | \"verify-only\" | \"apply\"}");
        }
        HealMode mode = HealMode.fromWire(request.mode());
        Caller caller = Caller.of(trigger, actor);
        return heal.heal(mode, caller.trigger(), caller.actor());
    }
}
