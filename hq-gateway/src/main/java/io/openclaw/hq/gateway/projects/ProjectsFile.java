package io.openclaw.hq.gateway.projects;

import java.util.List;

/** {@code config/projects.json}: the project registry, validated against projects.schema.json. */
public record ProjectsFile(List<Project> projects) {

    public ProjectsFile {
        projects = projects == null ? List.of() : List.copyOf(projects);
    }
}
