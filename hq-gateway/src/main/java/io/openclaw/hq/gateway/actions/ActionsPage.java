package io.openclaw.hq.gateway.actions;

import io.openclaw.hq.gateway.auth.CurrentPrincipal;
import io.openclaw.hq.gateway.pages.PageContexts;
import io.openclaw.hq.gateway.pages.PageContext;
import io.openclaw.hq.gateway.backends.DisplayCache;
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

        static native TemplateInstance result(String action, String service, boolean ok, String message, String runId,
                String runLink, String body);
    }

    private final ActionDispatcher dispatcher;
    private final CurrentPrincipal caller;
    private final PageContexts contexts;
    private final DisplayCache cache;

    public ActionsPage(ActionDispatcher dispatcher, CurrentPrincipal caller, PageContexts contexts, DisplayCache cache) {
        this.dispatcher = dispatcher;
        this.caller = caller;
        this.contexts = contexts;
        this.cache = cache;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance actions() {
        return Templates.actions(contexts.of("actions"), List.copyOf(ActionCatalog.all()));
    }

    @POST
    @Path("/{action}")
    @Produces(MediaType.TEXT_HTML)
    public Response run(@PathParam("action") String action) {
        try {
            ExecResult result = dispatcher.exec(action, null, RunTrigger.WEB, caller.get());
            if (result.runId() != null) {
                return Response.ok().header("HX-Redirect", "/timeline/" + result.service() + "/" + result.runId()).build();
            }
            return Response.ok(Templates.result(action, result.service(), true, "done", null, null,
                    result.result().toPrettyString())).build();
        } catch (DispatchFailedException e) {
            String service = ActionCatalog.find(action).map(ActionSpec::serviceName).orElse("?");
            String link = "/timeline/hq-gateway/" + e.gatewayRunId();
            return Response.ok(Templates.result(action, service, false, e.title() + ": " + e.getMessage(), e.runId(),
                    link, null)).build();
        } catch (ProblemException e) {
            return Response.ok(Templates.result(action, "hq-gateway", false, e.title() + ": " + e.getMessage(), null, null,
                    null)).build();
        } finally {
            cache.clear();
        }
    }
}
