package io.openclaw.hq.doctor.rest;

import io.openclaw.hq.doctor.checks.DoctorCheck;
import io.openclaw.hq.doctor.model.DoctorReport;
import io.openclaw.hq.doctor.model.History;
import io.openclaw.hq.doctor.service.DoctorEngine;
import io.openclaw.hq.doctor.service.DoctorRunner;
import io.openclaw.hq.doctor.service.ReportStore;
import io.openclaw.hq.platform.errors.NoBody;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

@Path("/doctor")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DoctorResource {

    private final DoctorRunner runner;
    private final ReportStore reports;
    private final DoctorEngine engine;

    public DoctorResource(DoctorRunner runner, ReportStore reports, DoctorEngine engine) {
        this.runner = runner;
        this.reports = reports;
        this.engine = engine;
    }

    /** 202 with the recorded run; the report follows at {@code /doctor/reports/{runId}} when the run ends. */
    @POST
    @Path("/run")
    public Response run(String body, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            @HeaderParam(Caller.ACTOR_HEADER) String actor) {
        NoBody.require(body);
        return Response.accepted(runner.start(Caller.of(trigger, actor))).build();
    }

    @GET
    @Path("/reports")
    public List<DoctorReport> reports(@QueryParam("limit") String limit) {
        return reports.latest(Limits.inRange("limit", limit, 1, 100, 10));
    }

    @GET
    @Path("/reports/{runId}")
    public DoctorReport report(@PathParam("runId") String runId) {
        return reports.byRun(Limits.runId(runId))
                .orElseThrow(() -> ProblemException.notFound("no doctor report for run " + runId + " (yet)"));
    }

    @GET
    @Path("/history")
    public History history(@QueryParam("days") String days) {
        int d = Limits.inRange("days", days, 1, 90, 7);
        // whole UTC days: today and the d-1 before it
        Instant since = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(d - 1L));
        return new History(d, since, engine.checks().stream().map(DoctorCheck::id).toList(), reports.history(since));
    }
}
