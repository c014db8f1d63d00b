package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.pages.PageContext;
import io.openclaw.hq.gateway.pages.PageContexts;
import io.openclaw.hq.gateway.pages.QueryParams;
import io.openclaw.hq.platform.errors.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/** Logs: the guard log, 20, 100 or 500 lines. */
@Path("/logs")
public class LogsPage {

    static final Set<Integer> CHOICES = Set.of(20, 100, 500);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance logs(PageContext ctx, Panel log, int lines);
    }

    private final Panels panels;
    private final PageContexts contexts;

    public LogsPage(Panels panels, PageContexts contexts) {
        this.panels = panels;
        this.contexts = contexts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance logs(@QueryParam("lines") String lines) {
        int n = QueryParams.integer("lines", lines, 100);
        if (!CHOICES.contains(n)) {
            throw ProblemException.badRequest("lines must be 20, 100 or 500");
        }
        return Templates.logs(contexts.of("logs"), panels.guardLog(n), n);
    }
}
