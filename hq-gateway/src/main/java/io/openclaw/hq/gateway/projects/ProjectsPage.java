package io.openclaw.hq.gateway.projects;

import io.openclaw.hq.gateway.pages.PageContext;
import io.openclaw.hq.gateway.pages.PageContexts;
import io.openclaw.hq.platform.config.ConfigInvalidException;
import io.openclaw.hq.platform.config.ConfigViolation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Projects: a card per project of config/projects.json; an invalid file lists its violations. */
@Path("/projects")
public class ProjectsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance projects(PageContext ctx, List<ProjectCard> cards, List<String> violations);
    }

    private final ProjectCards projects;
    private final PageContexts contexts;

    public ProjectsPage(ProjectCards projects, PageContexts contexts) {
        this.projects = projects;
        this.contexts = contexts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance projects() {
        try {
            return Templates.projects(contexts.of("projects"), projects.cards(), List.of());
        } catch (ConfigInvalidException e) {
            return Templates.projects(contexts.of("projects"), List.of(),
                    e.violations().stream().map(ConfigViolation::toString).toList());
        }
    }
}
