package io.openclaw.hq.gateway.actions;

import io.openclaw.hq.gateway.auth.CurrentPrincipal;
import io.openclaw.hq.gateway.pages.PageContext;
import io.openclaw.hq.gateway.pages.PageContexts;
import io.openclaw.hq.gateway.panels.Panel;
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
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Actions: a button per allowlisted action (host-changing ones ask first). A button posts through
 * htmx with the CSRF header; a started run opens its page, anything else shows in place.
 */
@Path("/actions")
public class ActionsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance actions(PageContext ctx, List<ActionSpec> actions);

        static native TemplateInstance result(String label, String service, boolean ok, String happened, String why,
                String todo, String runLink, String runLinkText, Panel view);
    }

    private final ActionDispatcher dispatcher;
    private final CurrentPrincipal caller;
    private final PageContexts contexts;

    public ActionsPage(ActionDispatcher dispatcher, CurrentPrincipal caller, PageContexts contexts) {
        this.dispatcher = dispatcher;
        this.caller = caller;
        this.contexts = contexts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance actions() {
        return Templates.actions(contexts.of("actions"), List.copyOf(ActionCatalog.all()));
    }

    /** A started run opens its page (which follows it live); a read shows its answer in place; a failure says why. */
    @POST
    @Path("/{action}")
    @Produces(MediaType.TEXT_HTML)
    public Response run(@PathParam("action") String action) {
        String label = ActionCatalog.find(action).map(ActionSpec::label).orElse(action);
        String service = ActionCatalog.find(action).map(ActionSpec::serviceName).orElse("hq-gateway");
        try {
            ExecResult result = dispatcher.exec(action, null, RunTrigger.WEB, caller.get());
            if (result.startedRun()) {
                return Response.ok().header("HX-Redirect", "/timeline/" + result.service() + "/" + result.runId()).build();
            }
            return Response.ok(Templates.result(label, service, true, "Read from " + service + ".", null,
                    "Nothing: this only reads.", null, null, result.view())).build();
        } catch (DispatchFailedException e) {
            String todo = switch (e.status()) {
                case 409 -> "Wait for the run that holds it to end, then press the button again.";
                case 429 -> service + " is busy; nothing ran. Press the button again "
                        + (e.retryWhen() == null ? "when one of its runs has ended." : e.retryWhen() + ".");
                case 501 -> service + " does not do this yet; nothing ran.";
                case 503 -> "Check that " + service + " is up (Overview), then press the button again.";
                default -> "Read the gateway run for details.";
            };
            // 200 so htmx shows the fragment in place; the backend's status is in its words
            return Response.ok(Templates.result(label, service, false, label + " did not start: " + e.title()
                    + " (" + e.status() + ").", e.getMessage(), todo, "/timeline/hq-gateway/" + e.gatewayRunId(),
                    "The failed dispatch, recorded as a gateway run", null)).build();
        } catch (ProblemException e) {
            return Response.ok(Templates.result(label, "hq-gateway", false, label + " was refused: " + e.title() + ".",
                    e.getMessage(), "Use one of the buttons on this page.", null, null, null)).build();
        }
    }
}
