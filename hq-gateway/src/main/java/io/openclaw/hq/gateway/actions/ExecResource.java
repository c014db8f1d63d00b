package io.openclaw.hq.gateway.actions;

import io.openclaw.hq.gateway.auth.CurrentPrincipal;
import io.openclaw.hq.gateway.auth.Principal;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.RunTrigger;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/exec {action, params}}: one allowlisted action, one call of one service.
 * Unknown fields are 400 (Jackson, strict), bodies over 1 MiB 413 (HTTP limit), a locked
 * resource 409 with the holder's run id.
 */
@Path("/api/exec")
public class ExecResource {

    private final ActionDispatcher dispatcher;
    private final CurrentPrincipal caller;
    public ExecResource(ActionDispatcher dispatcher, CurrentPrincipal caller) {
        this.dispatcher = dispatcher;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response exec(ExecRequest request) {
        if (request == null || request.action() == null || request.action().isBlank()) {
            throw ProblemException.badRequest("body must be {\"action\": \"...\", \"params\": {...}} with an action");
        }
        Principal principal = caller.get();
        ExecResult result = dispatcher.exec(request.action(), request.params(),
                principal.isSession() ? RunTrigger.WEB : RunTrigger.API, principal);
        // 202: the service has recorded the run and is doing the work; follow it at /api/runs/{runId}
        return Response.status(result.startedRun() ? 202 : 200).entity(result).build();
    }
}
