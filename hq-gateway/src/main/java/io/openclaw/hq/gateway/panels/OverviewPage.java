package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.pages.PageContext;
import io.openclaw.hq.gateway.pages.PageContexts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Overview: doctor per check, guard and its log, LLM providers, AI connections, two charts. */
@Path("/")
public class OverviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(PageContext ctx, OverviewView view);
    }

    private final Panels panels;
    private final PageContexts contexts;

    public OverviewPage(Panels panels, PageContexts contexts) {
        this.panels = panels;
        this.contexts = contexts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview() {
        return Templates.overview(contexts.of("overview"), panels.overview());
    }
}
