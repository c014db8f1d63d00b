package io.openclaw.hq.gateway.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Records Jackson writes or reads, registered for a native image in one place. */
@RegisterForReflection(targets = {ActionSpec.class, ArtifactEntry.class, ArtifactPreview.class, AuditEntry.class,
        AuditVerification.class, ExecRequest.class, ExecResult.class, KeyValue.class, Panel.class, Project.class,
        ProjectCard.class, ProjectSchedule.class, ProjectsFile.class, RunFeedPage.class, RunLogView.class, RunView.class,
        SourceState.class, OverviewView.class})
public final class JsonModels {

    private JsonModels() {
    }
}
