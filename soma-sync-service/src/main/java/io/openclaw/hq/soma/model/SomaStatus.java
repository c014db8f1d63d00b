package io.openclaw.hq.soma.model;

import io.openclaw.hq.platform.secrets.SecretStatus;
import io.openclaw.hq.soma.service.ArtifactUsage;
import io.openclaw.hq.soma.snapshot.Library;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * GET /soma/status: the last run of each workflow and its last success, the last good snapshot of
 * each product with its counts, the harvest's high-water mark, the artifacts against the size cap,
 * every warning, the credentials (present, masked, fingerprinted; never a value) and the schedule.
 */
@RegisterForReflection
public record SomaStatus(String service, boolean configValid, List<String> configViolations,
        List<WorkflowStatus> workflows, List<ProductStatus> products, HarvestStatus harvest, ArtifactUsage artifacts,
        List<String> warnings, List<SecretStatus> credentials, ScheduleStatus schedule) {

    @RegisterForReflection
    public record WorkflowStatus(String workflow, String action, String product, RunSummary lastRun,
            RunSummary lastSuccess) {
    }

    /** {@code artifacts}: the run's files still on disk, relative to the artifact root (retention may have removed them). */
    @RegisterForReflection
    public record RunSummary(String runId, String status, String trigger, Instant startedAt, Instant finishedAt,
            String summary, String error, List<String> artifacts) {

        public RunSummary {
            artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        }
    }

    @RegisterForReflection
    public record ProductStatus(String name, String slug, String lastGoodRunId, Instant lastGoodAt, String snapshotSha256,
            Library.Counts counts) {
    }

    @RegisterForReflection
    public record HarvestStatus(String runId, Instant at, String folder, long uidValidity, long lastUid, int messages,
            int videos) {
    }

    @RegisterForReflection
    public record ScheduleStatus(String cron, List<String> workflows, boolean active, Instant nextRun, String problem) {
    }
}
