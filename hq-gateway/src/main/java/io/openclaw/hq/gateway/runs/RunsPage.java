package io.openclaw.hq.gateway.runs;

import io.openclaw.hq.gateway.backends.Backend;
import io.openclaw.hq.gateway.backends.DisplayCache;
import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.gateway.pages.ErrorPages;
import io.openclaw.hq.gateway.pages.PageContext;
import io.openclaw.hq.gateway.pages.PageContexts;
import io.openclaw.hq.gateway.pages.QueryParams;
import io.openclaw.hq.gateway.panels.Panel;
import io.openclaw.hq.gateway.panels.RunPanels;
import io.openclaw.hq.gateway.projects.Project;
import io.openclaw.hq.gateway.projects.ProjectRegistry;
import io.openclaw.hq.platform.errors.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs: the merged feed (filtered, paged) and a run's page. While a run is going its page follows
 * the owning service's {@code /runs/{id}/log?after=} line by line (htmx polls {@code /output}), and
 * when it ends the page shows the final state from that service's run record.
 */
@Path("/timeline")
public class RunsPage {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance runs(PageContext ctx, RunFeedPage feed, RunFilter filter, List<String> projects,
                List<String> services, List<String> statuses, String query);

        static native TemplateInstance run(PageContext ctx, RunView run, RunOutcome outcome, RunLogView log,
                String outputNote, String pollUrl, long pollMillis, Panel result);

        static native TemplateInstance output(List<String> lines, String pollUrl, long pollMillis, String note);
    }

    private final RunFeed feed;
    private final PageContexts contexts;
    private final ProjectRegistry registry;
    private final GatewayConfig config;
    private final ErrorPages errors;
    private final DisplayCache cache;
    private final RunPanels results;

    public RunsPage(RunFeed feed, PageContexts contexts, ProjectRegistry registry, GatewayConfig config, ErrorPages errors,
            DisplayCache cache, RunPanels results) {
        this.results = results;
        this.feed = feed;
        this.contexts = contexts;
        this.registry = registry;
        this.config = config;
        this.errors = errors;
        this.cache = cache;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance runs(@QueryParam("project") String project, @QueryParam("service") String service,
            @QueryParam("status") String status, @QueryParam("page") String page) {
        RunFilter filter = RunQuery.filter(project, service, status, registry);
        RunFeedPage result = feed.page(filter, QueryParams.integer("page", page, 0), PAGE_SIZE);
        List<String> services = new ArrayList<>();
        services.add(RunFeed.GATEWAY);
        for (Backend b : Backend.values()) {
            services.add(b.serviceName());
        }
        List<String> projects = registry.current().value().map(f -> f.projects().stream().map(Project::id).toList())
                .orElse(List.of());
        String query = (filter.project() == null ? "" : "&project=" + filter.project())
                + (filter.service() == null ? "" : "&service=" + filter.service())
                + (filter.status() == null ? "" : "&status=" + filter.status());
        return Templates.runs(contexts.of("runs"), result, filter, projects, services,
                RunQuery.STATUSES.stream().sorted().toList(), query);
    }

    @GET
    @Path("/{service}/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response run(@PathParam("service") String service, @PathParam("id") String id) {
        RunView run;
        try {
            RunQuery.checkService(service);
            run = feed.find(service, id);
        } catch (ProblemException e) {
            return errors.of("runs", e, "/timeline", "Back to all runs");
        }
        RunLogView log;
        String outputNote = null;
        try {
            log = feed.log(service, id, 0);
        } catch (RuntimeException unavailable) {
            log = new RunLogView(id, 0, 0, List.of(), true);
            outputNote = "Output unavailable: " + service + " did not answer.";
        }
        String poll = run.isFinished() && log.finished() ? null : outputUrl(service, id, log.next());
        Panel result = run.isFinished() ? results.resultOf(service, run.action(), run.id()).orElse(null) : null;
        return Response.ok(Templates.run(contexts.of("runs"), run, RunOutcome.of(run), log, outputNote, poll,
                config.backends().streamPoll().toMillis(), result)).build();
    }

    /**
     * The live output of a running run, for the run page's poller: the lines after {@code after}
     * and the next poller; once the owning service says the run has finished (and every line is
     * out), the page is reloaded to show the final state from its run record, and what that
     * service's panels show is fetched afresh.
     */
    @GET
    @Path("/{service}/{id}/output")
    @Produces(MediaType.TEXT_HTML)
    public Response output(@PathParam("service") String service, @PathParam("id") String id,
            @QueryParam("after") String afterParam) {
        RunQuery.checkService(service);
        int after = QueryParams.integer("after", afterParam, 0);
        RunLogView page;
        try {
            page = feed.log(service, id, after);
        } catch (ProblemException e) {
            if (e.status() == 400) {
                throw e;
            }
            // the service did not answer this time: keep polling from where we were
            return Response.ok(Templates.output(List.of(), outputUrl(service, id, after),
                    config.backends().streamPoll().toMillis(), e.getMessage())).build();
        }
        if (page.finished()) {
            cache.clear(service);
            return Response.ok(Templates.output(page.lines(), null, 0, null)).header("HX-Refresh", "true").build();
        }
        return Response.ok(Templates.output(page.lines(), outputUrl(service, id, page.next()),
                config.backends().streamPoll().toMillis(), null)).build();
    }

    private static String outputUrl(String service, String id, int after) {
        return "/timeline/" + service + "/" + id + "/output?after=" + after;
    }
}
