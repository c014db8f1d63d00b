package io.openclaw.hq.soma.rest;

import io.openclaw.hq.platform.errors.ProblemException;

import io.openclaw.hq.platform.runs.RunAccepted;
import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.config.SomaSettings;
import io.openclaw.hq.soma.model.LatestChanges;
import io.openclaw.hq.soma.model.LatestMirror;
import io.openclaw.hq.soma.model.SomaError;
import io.openclaw.hq.soma.model.SomaStatus;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.soma.service.LatestReports;
import io.openclaw.hq.soma.service.SomaRuns;
import io.openclaw.hq.soma.service.StatusService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Soma's API. The three workflows answer 202 with the recorded run at once and go on in the
 * service; one {@code soma} lock means a second request gets 409 naming the run in the way.
 */
@Path("/soma")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SomaResource {

    static final int DEFAULT_ERRORS = 10;
    static final int MAX_ERRORS = 100;

    private final SomaRuns runs;
    private final SomaSettings settings;
    private final StatusService status;
    private final LatestReports latest;

    public SomaResource(SomaRuns runs, SomaSettings settings, StatusService status, LatestReports latest) {
        this.runs = runs;
        this.settings = settings;
        this.status = status;
        this.latest = latest;
    }

    @POST
    @Path("/snapshot")
    public Response snapshot(SnapshotRequest request, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            @HeaderParam(Caller.ACTOR_HEADER) String actor) {
        Caller caller = Caller.of(trigger, actor);
        if (request == null || request.product() == null || request.product().isBlank()) {
            throw ProblemException.badRequest("product is required: one of " + names(settings.current()));
        }
        SomaFile config = settings.current();
        SomaFile.Product product = config.product(request.product().strip()).orElseThrow(() -> ProblemException.badRequest(
                "unknown product '" + printable(request.product()) + "': one of " + names(config)));
        return accepted(runs.snapshot(product, caller));
    }

    @POST
    @Path("/harvest")
    public Response harvest(EmptyRequest request, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            @HeaderParam(Caller.ACTOR_HEADER) String actor) {
        Caller caller = Caller.of(trigger, actor);
        settings.current();
        return accepted(runs.harvest(caller));
    }

    @POST
    @Path("/mirror")
    public Response mirror(EmptyRequest request, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            @HeaderParam(Caller.ACTOR_HEADER) String actor) {
        Caller caller = Caller.of(trigger, actor);
        settings.current();
        return accepted(runs.mirror(caller));
    }

    @GET
    @Path("/status")
    public SomaStatus status() {
        return status.status();
    }

    @GET
    @Path("/errors")
    public List<SomaError> errors(@QueryParam("limit") String limit) {
        int n = DEFAULT_ERRORS;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_ERRORS) {
                throw ProblemException.badRequest("limit must be a whole number from 1 to " + MAX_ERRORS + ", was '"
                        + printable(limit) + "'");
            }
        }
        return status.errors(n);
    }

    /** The newest successful mirror report (what HQ's mirror table shows); 404 until there is one. */
    @GET
    @Path("/mirror/latest")
    public LatestMirror latestMirror() {
        return latest.mirror();
    }

    /** What the product's last good snapshot changed; 404 until there is one, 400 for an unknown product. */
    @GET
    @Path("/changes/latest")
    public LatestChanges latestChanges(@QueryParam("product") String product) {
        if (product == null || product.isBlank()) {
            throw ProblemException.badRequest("product is required: one of " + names(settings.current()));
        }
        SomaFile config = settings.current();
        SomaFile.Product known = config.product(product.strip()).orElseThrow(() -> ProblemException.badRequest(
                "unknown product '" + printable(product) + "': one of " + names(config)));
        return latest.changes(known);
    }

    private static Response accepted(RunAccepted accepted) {
        return Response.accepted(accepted).build();
    }

    private static String names(SomaFile config) {
        return config.products().stream().map(p -> "'" + p.name() + "' (" + p.slug() + ")").collect(Collectors.joining(", "));
    }

    private static String printable(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
