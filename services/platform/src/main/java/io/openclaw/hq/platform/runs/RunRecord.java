package io.openclaw.hq.platform.runs;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * The one run shape every service returns (ARCHITECTURE.md "Runs, locks, audit"). Times are UTC
 * instants, {@code actor} a fingerprint such as {@code sha256:1a2b3c4d} or {@code timer},
 * {@code error} already redacted, artifact paths relative to the artifact root.
 */
@RegisterForReflection
public record RunRecord(
        String id,
        String project,
        String service,
        String action,
        RunTrigger trigger,
        String actor,
        RunStatus status,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        String summary,
        String error,
        List<String> artifacts,
        List<String> warnings,
        String parentRunId) {

    public RunRecord {
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    RunRecord finished(RunStatus newStatus, Instant at, String newSummary, String newError,
            List<String> newArtifacts, List<String> newWarnings) {
        return new RunRecord(id, project, service, action, trigger, actor, newStatus, startedAt, at,
                at.toEpochMilli() - startedAt.toEpochMilli(), newSummary, newError, newArtifacts, newWarnings,
                parentRunId);
    }

    RunRecord startingAt(Instant at) {
        return new RunRecord(id, project, service, action, trigger, actor, status, at, finishedAt, durationMs,
                summary, error, artifacts, warnings, parentRunId);
    }
}
