package io.openclaw.hq.doctor.rest;

import io.openclaw.hq.doctor.model.HealMode;
import io.openclaw.hq.doctor.model.HealRequest;
import io.openclaw.hq.doctor.model.HealResult;
import io.openclaw.hq.doctor.service.HealService;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/heal")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class HealResource {

    private final HealService heal;

    public HealResource(HealService heal) {
        this.heal = heal;
    }

    /** 202 with the recorded run (409 naming the holder of the host lock); the result follows at {@code /heal/{runId}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response heal(HealRequest request, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            @HeaderParam(Caller.ACTOR_HEADER) String actor) {
        if (request == null || request.mode() == null) {
            throw ProblemException.badRequest("body must be {\"mode\": \"check-only\" | \"verify-only\" | \"apply\"}");
        }
        HealMode mode = HealMode.fromWire(request.mode());
        return Response.accepted(heal.start(mode, Caller.of(trigger, actor))).build();
    }

    @GET
    @Path("/{runId}")
    public HealResult result(@PathParam("runId") String runId) {
        return heal.result(Limits.runId(runId))
                .orElseThrow(() -> ProblemException.notFound("no heal result for run " + runId + " (yet)"));
    }
}
