package io.openclaw.hq.gateway.runs;

import io.openclaw.hq.gateway.pages.QueryParams;
import io.openclaw.hq.gateway.projects.ProjectRegistry;
import io.openclaw.hq.platform.errors.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The merged run feed as JSON: {@code /api/runs}, one run, its output. */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunFeedResource {

    private final RunFeed feed;
    private final ProjectRegistry registry;

    public RunFeedResource(RunFeed feed, ProjectRegistry registry) {
        this.feed = feed;
        this.registry = registry;
    }

    @GET
    public RunFeedPage runs(@QueryParam("project") String project, @QueryParam("service") String service,
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        return feed.page(RunQuery.filter(project, service, status, registry), QueryParams.integer("page", page, 0),
                QueryParams.integer("size", size, 50));
    }

    @GET
    @Path("/{id}")
    public RunView run(@PathParam("id") String id, @QueryParam("service") String service) {
        if (service != null) {
            RunQuery.checkService(service);
            return feed.find(service, id);
        }
        return feed.findAnywhere(id).orElseThrow(() -> ProblemException.notFound("no run " + id + " in any service"));
    }

    @GET
    @Path("/{id}/log")
    public RunLogView runLog(@PathParam("id") String id, @QueryParam("service") String service,
            @QueryParam("after") String after) {
        if (service == null) {
            throw ProblemException.badRequest("service is required: the service that owns the run");
        }
        RunQuery.checkService(service);
        int afterLine = QueryParams.integer("after", after, 0);
        if (afterLine < 0) {
            throw ProblemException.badRequest("after must be 0 or more (the number of lines already read), was " + afterLine);
        }
        return feed.log(service, id, afterLine);
    }
}
