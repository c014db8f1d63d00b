package io.openclaw.hq.llm.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.service.ProviderDoctor;
import io.openclaw.hq.llm.service.RouterStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import io.openclaw.hq.platform.errors.NoBody;
import io.openclaw.hq.platform.runs.Caller;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** HQ's LLM panel: status, and the provider doctor on demand. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final RouterStatus status;
    private final ProviderDoctor doctor;

    public StatusResource(RouterStatus status, ProviderDoctor doctor) {
        this.status = status;
        this.doctor = doctor;
    }

    @GET
    @Path("/status")
    public ObjectNode status() {
        return status.snapshot();
    }

    /**
     * 202 with the recorded run; the result follows in the run record, its provider_status.json
     * artifact and {@code doctor} of {@code /v1/status}. A second while one runs is a 409 naming it.
     */
    @POST
    @Path("/doctor")
    public Response doctor(String body, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            @HeaderParam(Caller.ACTOR_HEADER) String actor) {
        NoBody.require(body);
        return Response.accepted(doctor.start(Caller.of(trigger, actor))).build();
    }
}
