package io.openclaw.hq.soma.service;

import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.config.ConfigInvalidException;
import io.openclaw.hq.platform.runs.ArtifactRoot;

import io.openclaw.hq.platform.runs.RunAccepted;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunLauncher;
import io.openclaw.hq.platform.runs.RunRecord;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunStatus;
import io.openclaw.hq.platform.secrets.Redactor;
import io.openclaw.hq.platform.notify.AlertRequest;
import io.openclaw.hq.platform.notify.NotifyClient;
import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.config.SomaSettings;
import io.openclaw.hq.soma.harvest.HarvestStateStore;
import io.openclaw.hq.soma.harvest.HarvestWorkflow;
import io.openclaw.hq.soma.kajabi.KajabiException;
import io.openclaw.hq.soma.mirror.MirrorWorkflow;
import io.openclaw.hq.soma.snapshot.SnapshotStore;
import io.openclaw.hq.soma.snapshot.SnapshotWorkflow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Starts Soma's runs the platform way (recorded, the {@code soma} lock taken, answered at once)
 * and ends each the same way: the workflow's result or its named failure, retention and the size
 * cap checked, then the SUCCESS/FAIL and SIZE_CAP alerts sent to notify-service.
 */
@ApplicationScoped
public class SomaRuns {

    public static final String AREA = "soma";
    public static final String LOCK = "soma";
    public static final String PROJECT = "soma_kajabi_library_ownership";
    public static final String HARVEST = "soma_harvest";
    public static final String MIRROR = "soma_mirror";
    public static final String NIGHTLY = "soma_nightly";
    public static final String SIZE_CAP_CHECK = "soma.size_cap";
    /** The {@code source} of soma's alerts to notify-service. */
    static final String ALERT_SOURCE = "soma";
    private static final Logger LOG = Logger.getLogger(SomaRuns.class);

    /** A workflow's body: returns the run's summary, or throws saying why it failed. */
    @FunctionalInterface
    public interface Step {
        String perform(RunHandle run) throws Exception;
    }

    private final RunLauncher launcher;
    private final RunRecorder recorder;
    private final SomaSettings settings;
    private final SnapshotWorkflow snapshots;
    private final HarvestWorkflow harvests;
    private final MirrorWorkflow mirrors;
    private final SnapshotStore snapshotStore;
    private final HarvestStateStore harvestState;
    private final Retention retention;
    private final ArtifactRoot artifactRoot;
    private final NotifyClient notify;

    public SomaRuns(RunLauncher launcher, RunRecorder recorder, SomaSettings settings, SnapshotWorkflow snapshots,
            HarvestWorkflow harvests, MirrorWorkflow mirrors, SnapshotStore snapshotStore, HarvestStateStore harvestState,
            Retention retention, ArtifactRoot artifactRoot, NotifyClient notify) {
        this.launcher = launcher;
        this.recorder = recorder;
        this.settings = settings;
        this.snapshots = snapshots;
        this.harvests = harvests;
        this.mirrors = mirrors;
        this.snapshotStore = snapshotStore;
        this.harvestState = harvestState;
        this.retention = retention;
        this.artifactRoot = artifactRoot;
        this.notify = notify;
    }

    public static String snapshotAction(SomaFile.Product product) {
        return "soma_snapshot_" + product.slug();
    }

    public RunAccepted snapshot(SomaFile.Product product, Caller caller) {
        return launch(snapshotAction(product), caller, run -> snapshots.perform(run, settings.current(), product));
    }

    public RunAccepted harvest(Caller caller) {
        return launch(HARVEST, caller, run -> harvests.perform(run, settings.current()));
    }

    public RunAccepted mirror(Caller caller) {
        return launch(MIRROR, caller, run -> mirrors.perform(run, settings.current()));
    }

    /** The nightly schedule: each configured workflow as a child run of one parent that holds the lock. */
    public RunAccepted nightly(Caller caller) {
        SomaFile config = settings.current();
        return launch(NIGHTLY, caller, parent -> {
            List<String> failed = new ArrayList<>();
            int total = 0;
            for (String workflow : config.schedule().workflows()) {
                List<Child> children = new ArrayList<>();
                switch (workflow) {
                    case "snapshot" -> config.products().forEach(p -> children.add(new Child(snapshotAction(p),
                            run -> snapshots.perform(run, settings.current(), p))));
                    case "harvest" -> children.add(new Child(HARVEST, run -> harvests.perform(run, settings.current())));
                    case "mirror" -> children.add(new Child(MIRROR, run -> mirrors.perform(run, settings.current())));
                    default -> throw new SomaFailure("unknown workflow in schedule.workflows: " + workflow);
                }
                for (Child child : children) {
                    total++;
                    RunHandle run = recorder.start(new RunRequest(AREA, child.action, parent.record().trigger(),
                            parent.record().actor(), PROJECT, parent.id()));
                    parent.log("started " + child.action + " as run " + run.id());
                    RunRecord result = complete(run, child.step);
                    parent.log(child.action + ": " + result.status().wire() + " — " + result.summary());
                    if (result.status() != RunStatus.SUCCESS) {
                        failed.add(child.action);
                    }
                }
            }
            if (!failed.isEmpty()) {
                throw new SomaFailure(failed.size() + " of " + total + " nightly step(s) failed: " + String.join(", ", failed));
            }
            return "nightly: " + total + " step(s) succeeded";
        });
    }

    private record Child(String action, Step step) {
    }

    private RunAccepted launch(String action, Caller caller, Step step) {
        RunRequest request = new RunRequest(AREA, action, caller.trigger(), caller.actor(), PROJECT, null);
        return launcher.launch(request, LOCK, run -> complete(run, step));
    }

    /** Runs the step and ends the run; never throws, so a nightly parent goes on to its next step. */
    RunRecord complete(RunHandle run, Step step) {
        String summary = null;
        String error = null;
        RunStatus status = RunStatus.SUCCESS;
        try {
            summary = step.perform(run);
        } catch (KajabiException | SomaFailure e) {
            error = e.getMessage();
        } catch (ConfigInvalidException e) {
            error = e.getMessage() + ": " + e.violations();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = RunStatus.INTERRUPTED;
            error = "interrupted while working (the service is stopping)";
        } catch (Exception e) {
            LOG.errorf(e, "run %s stopped on an unexpected error", run.id());
            error = "unexpected " + e.getClass().getSimpleName() + ": " + Redactor.redact(String.valueOf(e.getMessage()));
        }
        if (error != null) {
            run.log("FAILED: " + error);
        }
        ArtifactUsage usage = housekeeping(run);
        RunRecord record;
        if (error == null) {
            record = run.succeed(summary);
        } else if (status == RunStatus.INTERRUPTED) {
            record = run.finish(status, label(run.record().action()) + " interrupted", error);
        } else {
            record = run.fail(label(run.record().action()) + " failed", error);
        }
        if (!NIGHTLY.equals(record.action())) {
            alertOutcome(record);
        }
        if (usage != null) {
            alertSizeCap(usage);
        }
        return record;
    }

    private ArtifactUsage housekeeping(RunHandle run) {
        try {
            SomaFile config = settings.current();
            Set<String> keep = new HashSet<>(snapshotStore.lastGoodRunIds());
            keep.addAll(harvestState.runIdsInUse());
            keep.add(run.id());
            List<String> deleted = retention.apply(config.retention().keepRunsPerWorkflow(), keep, run.id());
            if (!deleted.isEmpty()) {
                run.log("retention: removed the artifacts of " + deleted.size() + " older run(s): " + String.join(", ", deleted));
            }
            ArtifactUsage usage = ArtifactUsage.of(artifactRoot.resolve(AREA), config.retention().sizeCapMegabytes());
            if (usage.overCap()) {
                run.log(usage.warning());
                run.warn(usage.warning());
            }
            return usage;
        } catch (RuntimeException e) {
            // housekeeping never changes a run's outcome; it is retried after the next run
            run.log("housekeeping skipped: " + e.getClass().getSimpleName() + ": " + Redactor.redact(String.valueOf(e.getMessage())));
            return null;
        }
    }

    private void alertOutcome(RunRecord record) {
        boolean ok = record.status() == RunStatus.SUCCESS;
        String title = label(record.action()) + (ok ? " succeeded" : " " + record.status().wire());
        String message = "run " + record.id() + ": " + (ok ? record.summary() : record.error());
        notify.send(new AlertRequest("soma." + record.action().replaceFirst("^soma_", ""), ok ? "OK" : "FAIL",
                ok ? "info" : "critical", truncate(title, 200), truncate(message, 2000), ALERT_SOURCE));
    }

    private void alertSizeCap(ArtifactUsage usage) {
        notify.send(new AlertRequest(SIZE_CAP_CHECK, usage.overCap() ? "WARN" : "OK", "warning",
                usage.overCap() ? "Soma artifacts over the size cap" : "Soma artifacts within the size cap",
                usage.overCap() ? usage.warning() : "soma artifacts take " + usage.bytes() + " bytes", ALERT_SOURCE));
    }

    public static String label(String action) {
        return switch (action) {
            case HARVEST -> "Soma Gmail harvest";
            case MIRROR -> "Soma mirror report";
            case NIGHTLY -> "Soma nightly run";
            default -> action.startsWith("soma_snapshot_") ? "Soma snapshot " + action.substring("soma_snapshot_".length())
                    : action;
        };
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
