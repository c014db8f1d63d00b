package io.openclaw.hq.gateway.runs;

import java.util.List;

/**
 * Filters of the Runs page and {@code GET /api/runs}; null means "any". A project filter carries
 * the project's services, because a run that names no project belongs to the project of its service.
 */
public record RunFilter(String project, List<String> projectServices, String service, String status) {

    public RunFilter {
        projectServices = projectServices == null ? List.of() : List.copyOf(projectServices);
    }

    public RunFilter(String project, String service, String status) {
        this(project, List.of(), service, status);
    }

    public static RunFilter none() {
        return new RunFilter(null, null, null);
    }

    boolean matches(RunView run) {
        return (service == null || service.equals(run.service()))
                && (status == null || status.equals(run.status()))
                && (project == null || run.belongsTo(project, projectServices));
    }
}
