package io.openclaw.hq.gateway.runs;

import io.openclaw.hq.gateway.actions.ActionCatalog;
import io.openclaw.hq.gateway.actions.ActionSpec;

/**
 * A run's result said for a person: what happened, why (when it did not succeed), and what to do
 * now. Built from the owning service's run record alone.
 */
@io.quarkus.qute.TemplateData
public record RunOutcome(String happened, String why, String todo) {

    public static RunOutcome of(RunView run) {
        String what = run.action() == null ? "The run"
                : ActionCatalog.find(run.action()).map(ActionSpec::label).orElse("The run of " + run.action());
        String summary = run.summary() == null ? "" : ": " + run.summary();
        return switch (run.status()) {
            case "queued", "running" -> new RunOutcome(what + " is " + run.status() + " in " + run.service() + ".", null,
                    "Nothing yet: its output follows below as it is written, and this page shows the result when it ends.");
            case "success" -> new RunOutcome(what + " succeeded" + summary + ".", null,
                    run.warnings().isEmpty() ? "Nothing to do." : "Read the warnings below.");
            case "refused" -> new RunOutcome(what + " was refused" + summary + ".",
                    run.error() != null ? run.error() : "The service refused it (another run may have held the resource).",
                    "Wait for the other run to end (see Runs), then start it again.");
            case "interrupted" -> new RunOutcome(what + " was interrupted" + summary + ".",
                    run.error() != null ? run.error() : "The service stopped while the run was going.",
                    "Start it again from Actions once " + run.service() + " is up.");
            case "failure" -> new RunOutcome(what + " failed" + summary + ".",
                    run.error() != null ? run.error() : "The service recorded no reason.",
                    "Read the output below for the step that failed; fix what it names (the Overview lists each "
                            + "check's remediation), then run it again.");
            default -> new RunOutcome(what + " ended " + run.status() + summary + ".", run.error(), "Read the output below.");
        };
    }
}
