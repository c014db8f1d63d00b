package io.openclaw.hq.gateway.projects;

import io.openclaw.hq.gateway.actions.ActionSpec;
import io.openclaw.hq.gateway.runs.RunView;
import java.util.List;

/**
 * A project as its card shows it: green, yellow or red from its latest runs, with why, the last
 * run, the last error, the next scheduled run and its quick actions.
 */
@io.quarkus.qute.TemplateData
public record ProjectCard(Project project, String status, String statusReason, RunView lastRun, String lastError,
        String nextSchedule, List<ActionSpec> actions) {
}
