package io.openclaw.hq.platform.runs;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer to an action that takes time (HTTP 202): the run is recorded and running, the work
 * goes on in the service, and {@code GET /runs/{runId}} and {@code /runs/{runId}/log} follow it.
 * Every service answers its actions in this one shape, so the gateway reads one field.
 */
@RegisterForReflection
public record RunAccepted(String runId, RunRecord run) {

    public static RunAccepted of(RunRecord run) {
        return new RunAccepted(run.id(), run);
    }
}
