package io.openclaw.hq.gateway.runs;

import io.openclaw.hq.platform.runs.RunRecord;
import java.time.Instant;
import java.util.List;

/**
 * A run as HQ shows it: a platform {@link RunRecord} from its owning service (or the gateway's own
 * store), with trigger and status as their wire words. Same field names as RunRecord.
 */
@io.quarkus.qute.TemplateData
public record RunView(String id, String project, String service, String action, String trigger, String actor,
        String status, Instant startedAt, Instant finishedAt, Long durationMs, String summary, String error,
        List<String> artifacts, List<String> warnings, String parentRunId) {

    public RunView {
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A record as its service sent it; a record that names no service is the asked service's. */
    public static RunView from(RunRecord r, String askedService) {
        return new RunView(r.id(), r.project(), r.service() == null ? askedService : r.service(), r.action(),
                r.trigger() == null ? null : r.trigger().wire(), r.actor(),
                r.status() == null ? "unknown" : r.status().wire(), r.startedAt(), r.finishedAt(), r.durationMs(),
                r.summary(), r.error(), r.artifacts(), r.warnings(), r.parentRunId());
    }

    public static RunView from(RunRecord r) {
        return from(r, null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isFinished() {
        return !("running".equals(status) || "queued".equals(status));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isFailure() {
        return "failure".equals(status) || "interrupted".equals(status);
    }

    /**
     * The documented project rule: a run belongs to a project when it names it, or names none and
     * comes from one of the project's services.
     */
    public boolean belongsTo(String projectId, List<String> projectServices) {
        if (project != null) {
            return project.equals(projectId);
        }
        return projectServices.contains(service);
    }
}
