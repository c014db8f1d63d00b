package io.openclaw.hq.gateway.pages;

import io.openclaw.hq.platform.errors.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A page that says what went wrong in words, with a way back, instead of problem JSON: a run or an
 * artifact that is not there, a service that cannot be asked. Same status code as the problem.
 */
@ApplicationScoped
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(PageContext ctx, int status, String title, String detail, String backHref,
                String backLabel);
    }

    private final PageContexts contexts;

    public ErrorPages(PageContexts contexts) {
        this.contexts = contexts;
    }

    public Response of(String active, ProblemException problem, String backHref, String backLabel) {
        return of(active, problem.status(), problem.title(), problem.getMessage(), backHref, backLabel);
    }

    public Response of(String active, int status, String title, String detail, String backHref, String backLabel) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(contexts.of(active), status, title, detail, backHref, backLabel)).build();
    }
}
