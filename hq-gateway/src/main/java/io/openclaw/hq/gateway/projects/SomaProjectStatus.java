package io.openclaw.hq.gateway.projects;

import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.SomaContract;
import java.util.ArrayList;
import java.util.List;

/**
 * The Soma project's colour, from soma-sync-service's own status rather than the merged feed (whose
 * recent window the guard's runs fill within a day): green when the latest run of each workflow
 * (each product's snapshot, the harvest, the mirror) succeeded; red when one of them failed or was
 * interrupted, or the configuration is invalid; yellow when one has not run yet, was refused, or
 * the service cannot be read. The nightly parent is left out: its steps are the workflows. A
 * workflow running now is judged by nothing yet and does not change the colour.
 */
public final class SomaProjectStatus {

    public static final String PROJECT_ID = "soma_kajabi_library_ownership";

    private SomaProjectStatus() {
    }

    public static ProjectStatus.Verdict verdict(BackendReply<SomaContract.Status> reply) {
        if (!reply.isOk()) {
            return new ProjectStatus.Verdict(ProjectStatus.YELLOW, "Soma status unknown: " + reply.reason());
        }
        SomaContract.Status status = reply.value();
        if (!status.configValid()) {
            return new ProjectStatus.Verdict(ProjectStatus.RED, "config/soma.json is invalid: every Soma run is refused");
        }
        List<String> bad = new ArrayList<>();
        List<String> doubtful = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (SomaContract.Workflow w : status.workflows()) {
            if ("nightly".equals(w.workflow())) {
                continue;
            }
            String name = w.product() == null ? w.workflow() : w.workflow() + " " + w.product();
            SomaContract.RunSummary last = w.lastRun();
            String state = last == null ? null : last.status();
            if (state == null) {
                doubtful.add(name + " has not run yet");
            } else if ("failure".equals(state) || "interrupted".equals(state)) {
                bad.add(name + " " + (("failure".equals(state)) ? "failed" : "was interrupted")
                        + (last.error() == null ? "" : ": " + last.error()));
            } else if ("running".equals(state) || "queued".equals(state)) {
                continue;
            } else if ("refused".equals(state)) {
                doubtful.add(name + " was refused" + (last.error() == null ? "" : ": " + last.error()));
            } else {
                fine.add(name);
            }
        }
        if (!bad.isEmpty()) {
            return new ProjectStatus.Verdict(ProjectStatus.RED, "latest " + String.join("; ", bad));
        }
        if (!doubtful.isEmpty()) {
            return new ProjectStatus.Verdict(ProjectStatus.YELLOW, String.join("; ", doubtful));
        }
        if (fine.isEmpty()) {
            return new ProjectStatus.Verdict(ProjectStatus.YELLOW, "soma-sync-service lists no workflow");
        }
        return new ProjectStatus.Verdict(ProjectStatus.GREEN, "latest run of each workflow succeeded ("
                + String.join(", ", fine) + ")");
    }
}
