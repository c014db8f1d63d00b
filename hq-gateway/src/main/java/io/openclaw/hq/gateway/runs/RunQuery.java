package io.openclaw.hq.gateway.runs;

import io.openclaw.hq.gateway.backends.Backend;
import io.openclaw.hq.gateway.projects.Project;
import io.openclaw.hq.gateway.projects.ProjectRegistry;
import io.openclaw.hq.platform.errors.ProblemException;
import java.util.List;
import java.util.Set;

/** Query parameters of the run feed, checked so a typo is a 400 that says so, not an empty list. */
public final class RunQuery {

    static final Set<String> STATUSES = Set.of("queued", "running", "success", "failure", "refused", "interrupted");

    private RunQuery() {
    }

    /** The filter; a project must be one of the registry's, and brings its services (the project rule). */
    public static RunFilter filter(String project, String service, String status, ProjectRegistry registry) {
        String p = blank(project);
        String s = blank(service);
        String st = blank(status);
        if (s != null) {
            checkService(s);
        }
        if (st != null && !STATUSES.contains(st)) {
            throw ProblemException.badRequest("status must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        if (p == null) {
            return new RunFilter(null, s, st);
        }
        if (!p.matches("[a-z][a-z0-9_]{1,63}")) {
            throw ProblemException.badRequest("project must be a project id such as infra_openclaw");
        }
        List<Project> projects = registry.current().require().projects();
        Project known = projects.stream().filter(candidate -> candidate.id().equals(p)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("no project '" + p + "'; known: "
                        + String.join(", ", projects.stream().map(Project::id).toList())));
        return new RunFilter(p, known.services(), s, st);
    }

    public static void checkService(String service) {
        if (!RunFeed.GATEWAY.equals(service) && Backend.byServiceName(service).isEmpty()) {
            throw ProblemException.badRequest("unknown service '" + service + "'");
        }
    }


    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
