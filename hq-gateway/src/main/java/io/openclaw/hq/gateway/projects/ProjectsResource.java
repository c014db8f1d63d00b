package io.openclaw.hq.gateway.projects;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code GET /api/projects}: the cards of the Projects page as JSON; 503 with every violation when projects.json is invalid. */
@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    private final ProjectCards projects;

    public ProjectsResource(ProjectCards projects) {
        this.projects = projects;
    }

    @GET
    public Map<String, List<ProjectCard>> projects() {
        return Map.of("projects", projects.cards());
    }
}
