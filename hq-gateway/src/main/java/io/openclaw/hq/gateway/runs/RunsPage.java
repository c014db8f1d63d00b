package io.openclaw.hq.gateway.runs;

import io.openclaw.hq.gateway.pages.QueryParams;
import io.openclaw.hq.gateway.pages.PageContexts;
import io.openclaw.hq.gateway.backends.Backend;
import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.gateway.projects.ProjectRegistry;
import io.openclaw.hq.gateway.pages.PageContext;
import io.openclaw.hq.gateway.projects.Project;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs: the merged feed (filtered, paged) and a run's page. While a run is going its page streams
 * the output through server-sent events, polling the owning service's log endpoint.
 */
@Path("/timeline")
public class RunsPage {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance runs(PageContext ctx, RunFeedPage feed, RunFilter filter, List<String> projects,
                List<String> services, List<String> statuses, String query);

        static native TemplateInstance run(PageContext ctx, RunView run, RunLogView log, String streamUrl);
    }

    private final RunFeed feed;
    private final PageContexts contexts;
    private final ProjectRegistry registry;
    private final GatewayConfig config;

    public RunsPage(RunFeed feed, PageContexts contexts, ProjectRegistry registry, GatewayConfig config) {
        this.feed = feed;
        this.contexts = contexts;
        this.registry = registry;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance runs(@QueryParam("project") String project, @QueryParam("service") String service,
            @QueryParam("status") String status, @QueryParam("page") String page) {
        RunFilter filter = RunQuery.filter(project, service, status);
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
    public TemplateInstance run(@PathParam("service") String service, @PathParam("id") String id) {
        RunQuery.checkService(service);
        RunView run = feed.find(service, id);
        RunLogView log;
        try {
            log = feed.log(service, id, 0);
        } catch (RuntimeException unavailable) {
            log = new RunLogView(id, 0, 0, List.of("(output unavailable: the service did not answer)"), true);
        }
        String stream = run.isFinished() && log.finished() ? null
                : "/timeline/" + service + "/" + id + "/events?after=" + log.next();
        return Templates.run(contexts.of("runs"), run, log, stream);
    }

    /** {@code line} events with new output, then one {@code end} event carrying the final status. */
    @GET
    @Path("/{service}/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("service") String service, @PathParam("id") String id,
            @QueryParam("after") String afterParam, @Context SseEventSink sink, @Context Sse sse) {
        RunQuery.checkService(service);
        int after = QueryParams.integer("after", afterParam, 0);
        long deadline = System.nanoTime() + config.backends().maxStream().toNanos();
        try (sink) {
            while (!sink.isClosed()) {
                RunLogView page = feed.log(service, id, after);
                for (String line : page.lines()) {
                    sink.send(sse.newEvent("line", line)).toCompletableFuture().join();
                }
                after = page.next();
                if (page.finished() || System.nanoTime() > deadline) {
                    String status = page.finished() ? feed.find(service, id).status() : "still running (stream ended)";
                    sink.send(sse.newEvent("end", status)).toCompletableFuture().join();
                    return;
                }
                Thread.sleep(config.backends().streamPoll().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!sink.isClosed()) {
                sink.send(sse.newEvent("end", "output unavailable"));
            }
        }
    }
}
