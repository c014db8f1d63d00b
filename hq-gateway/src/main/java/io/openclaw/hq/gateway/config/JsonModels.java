package io.openclaw.hq.gateway.config;

import io.openclaw.hq.gateway.actions.ActionSpec;
import io.openclaw.hq.gateway.actions.ExecRequest;
import io.openclaw.hq.gateway.actions.ExecResult;
import io.openclaw.hq.gateway.artifacts.ArtifactEntry;
import io.openclaw.hq.gateway.artifacts.ArtifactPreview;
import io.openclaw.hq.gateway.audit.AuditEntry;
import io.openclaw.hq.gateway.audit.AuditVerification;
import io.openclaw.hq.gateway.backends.DoctorContract;
import io.openclaw.hq.gateway.backends.NotifyContract;
import io.openclaw.hq.gateway.backends.RouterContract;
import io.openclaw.hq.gateway.panels.Item;
import io.openclaw.hq.gateway.panels.KeyValue;
import io.openclaw.hq.gateway.panels.OverviewView;
import io.openclaw.hq.gateway.panels.Panel;
import io.openclaw.hq.gateway.projects.Project;
import io.openclaw.hq.gateway.projects.ProjectCard;
import io.openclaw.hq.gateway.projects.ProjectSchedule;
import io.openclaw.hq.gateway.projects.ProjectsFile;
import io.openclaw.hq.gateway.runs.RunFeedPage;
import io.openclaw.hq.gateway.runs.RunLogView;
import io.openclaw.hq.gateway.runs.RunView;
import io.openclaw.hq.gateway.runs.SourceState;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Records Jackson writes or reads, registered for a native image in one place. */
@RegisterForReflection(targets = {ActionSpec.class, ArtifactEntry.class, ArtifactPreview.class, AuditEntry.class,
        AuditVerification.class, ExecRequest.class, ExecResult.class, KeyValue.class, Panel.class, Project.class,
        ProjectCard.class, ProjectSchedule.class, ProjectsFile.class, RunFeedPage.class, RunLogView.class, RunView.class,
        SourceState.class, OverviewView.class, Item.class,
        // what the backends answer, read by BackendJson
        DoctorContract.Report.class, DoctorContract.Check.class, DoctorContract.Posture.class, DoctorContract.History.class,
        DoctorContract.HistoryPoint.class, DoctorContract.GuardStatus.class, DoctorContract.GuardEntry.class,
        DoctorContract.GuardLog.class, RouterContract.Status.class, RouterContract.Provider.class,
        RouterContract.Router.class, RouterContract.Fallback.class, RouterContract.Route.class,
        RouterContract.ReviewCaps.class, RouterContract.Budget.class, RouterContract.ConfigHealth.class,
        RouterContract.DoctorSummary.class, RouterContract.ProviderCheck.class, RouterContract.Spend.class,
        RouterContract.ProviderDoctorLine.class, RouterContract.ReviewGateState.class, RouterContract.GateFallback.class,
        RouterContract.GateCaps.class, RouterContract.FailedClosed.class,
        RouterContract.DailySpend.class, NotifyContract.Status.class, NotifyContract.Channel.class,
        NotifyContract.Delivery.class})
public final class JsonModels {

    private JsonModels() {
    }
}
