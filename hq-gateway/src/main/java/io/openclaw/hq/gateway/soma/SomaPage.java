package io.openclaw.hq.gateway.soma;

import io.openclaw.hq.gateway.actions.ActionCatalog;
import io.openclaw.hq.gateway.actions.ActionDispatcher;
import io.openclaw.hq.gateway.actions.ActionSpec;
import io.openclaw.hq.gateway.actions.DispatchFailedException;
import io.openclaw.hq.gateway.actions.ExecResult;
import io.openclaw.hq.gateway.auth.CurrentPrincipal;
import io.openclaw.hq.gateway.pages.PageContext;
import io.openclaw.hq.gateway.pages.PageContexts;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Soma: the library-ownership workflows on one page. The buttons are the allowlisted Soma actions,
 * started through the same dispatcher as every HQ action (recorded, audited, trigger web) and
 * answered in place with the run id and a link to its run page; then a card per workflow, the
 * credentials, the latest mirror diff as a table and each product's latest change summary. When
 * soma-sync-service cannot be read the page says so (never an error page).
 */
@Path("/soma")
public class SomaPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance soma(PageContext ctx, SomaView view);

        static native TemplateInstance started(boolean ok, String label, String runId, String runLink, String why,
                String todo, String gatewayRunLink);
    }

    private final SomaViews views;
    private final ActionDispatcher dispatcher;
    private final CurrentPrincipal caller;
    private final PageContexts contexts;

    public SomaPage(SomaViews views, ActionDispatcher dispatcher, CurrentPrincipal caller, PageContexts contexts) {
        this.views = views;
        this.dispatcher = dispatcher;
        this.caller = caller;
        this.contexts = contexts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance soma() {
        return Templates.soma(contexts.of("soma"), views.current());
    }

    /** One of the Soma actions that start a run; anything else is refused here without reaching a service. */
    @POST
    @Path("/actions/{action}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance start(@PathParam("action") String action) {
        if (!SomaViews.ACTIONS.contains(action)) {
            return Templates.started(false, action, null, null, "'" + action + "' is not a Soma action; this page starts "
                    + String.join(", ", SomaViews.ACTIONS), "Use one of the buttons on this page.", null);
        }
        String label = ActionCatalog.find(action).map(ActionSpec::label).orElse(action);
        try {
            ExecResult result = dispatcher.exec(action, null, RunTrigger.WEB, caller.get());
            return Templates.started(true, label, result.runId(), SomaViews.runLink(result.runId()), null, null, null);
        } catch (DispatchFailedException e) {
            String todo = switch (e.status()) {
                case 409 -> "Another Soma run holds the lock: wait for run " + e.runId() + " to end, then press again.";
                case 429 -> "soma-sync-service is busy; press again "
                        + (e.retryWhen() == null ? "when one of its runs has ended." : e.retryWhen() + ".");
                case 503 -> "Check that soma-sync-service is up (Overview), then press again.";
                default -> "Read the gateway run for details.";
            };
            return Templates.started(false, label, null, e.status() == 409 ? SomaViews.runLink(e.runId()) : null,
                    e.title() + ": " + e.getMessage(), todo, "/timeline/hq-gateway/" + e.gatewayRunId());
        } catch (ProblemException e) {
            return Templates.started(false, label, null, null, e.getMessage(), "Use one of the buttons on this page.", null);
        }
    }
}
