package io.openclaw.hq.doctor.rest;

import io.openclaw.hq.doctor.model.GuardEntry;
import io.openclaw.hq.doctor.model.GuardLog;
import io.openclaw.hq.doctor.model.GuardStatus;
import io.openclaw.hq.doctor.service.GuardLogStore;
import io.openclaw.hq.doctor.service.GuardService;
import io.openclaw.hq.doctor.service.GuardStatusService;
import io.openclaw.hq.doctor.service.HostGuardLog;
import io.openclaw.hq.doctor.model.HostGuardState;
import io.openclaw.hq.platform.errors.NoBody;
import io.openclaw.hq.platform.runs.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

@Path("/guard")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class GuardResource {

    private final GuardService guard;
    private final GuardStatusService status;
    private final GuardLogStore log;
    private final HostGuardLog hostGuard;

    public GuardResource(GuardService guard, GuardStatusService status, GuardLogStore log, HostGuardLog hostGuard) {
        this.hostGuard = hostGuard;
        this.guard = guard;
        this.status = status;
        this.log = log;
    }

    @GET
    @Path("/status")
    public GuardStatus status() {
        return status.status();
    }

    @GET
    @Path("/log")
    public GuardLog log(@QueryParam("lines") String lines) {
        List<GuardEntry> entries = log.tail(Limits.inRange("lines", lines, 1, 500, 20));
        return new GuardLog(entries.stream().map(GuardEntry::line).toList(), entries);
    }

    /**
     * The host guard (deploy/host/openclaw_guard.sh, a systemd timer outside the stack): its last
     * cycle, whether it is fresh, the newest audit head it recorded, and the log's tail. Always 200;
     * a log that cannot be read says so in {@code readable}/{@code error}.
     */
    @GET
    @Path("/host")
    public HostGuardState host(@QueryParam("lines") String lines) {
        return hostGuard.read(Limits.inRange("lines", lines, 1, 500, 20));
    }

    /** A guard run now, as the timer would run it, under the same host lock: 202, or 409 naming the holder. */
    @POST
    @Path("/run")
    public Response run(String body, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            @HeaderParam(Caller.ACTOR_HEADER) String actor) {
        NoBody.require(body);
        return Response.accepted(guard.start(Caller.of(trigger, actor))).build();
    }
}
