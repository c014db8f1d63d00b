package io.openclaw.hq.llm.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.service.ProviderDoctor;
import io.openclaw.hq.llm.service.RouterStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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

    @POST
    @Path("/doctor")
    public ObjectNode doctor() {
        return doctor.run();
    }
}
