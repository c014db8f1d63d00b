package io.openclaw.hq.gateway.backends;

import io.openclaw.hq.platform.secrets.SecretStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the gateway reads from soma-sync-service, as it sends it ({@code contracts/soma-sync-service/*.json},
 * recorded by soma's own tests from its real answers).
 */
public final class SomaContract {

    private SomaContract() {
    }

    /**
     * {@code GET /soma/status}: the last run and last success of each workflow, each product's last
     * good snapshot, the harvest's high-water mark, artifacts against the size cap, warnings, the
     * credentials (present, masked, fingerprinted; never a value) and the nightly schedule.
     */
    public record Status(String service, boolean configValid, List<String> configViolations, List<Workflow> workflows,
            List<Product> products, Harvest harvest, Artifacts artifacts, List<String> warnings,
            List<SecretStatus> credentials, Schedule schedule) {

        public Status {
            configViolations = configViolations == null ? List.of() : List.copyOf(configViolations);
            workflows = workflows == null ? List.of() : List.copyOf(workflows);
            products = products == null ? List.of() : List.copyOf(products);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            credentials = credentials == null ? List.of() : List.copyOf(credentials);
        }
    }

    /** One workflow (a product's snapshot, harvest, mirror, nightly); {@code product} only for snapshots. */
    public record Workflow(String workflow, String action, String product, RunSummary lastRun, RunSummary lastSuccess) {
    }

    /** A run as status sums it up; {@code artifacts} are the files still on disk, relative to the artifact root. */
    public record RunSummary(String runId, String status, String trigger, Instant startedAt, Instant finishedAt,
            String summary, String error, List<String> artifacts) {

        public RunSummary {
            artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        }
    }

    public record Product(String name, String slug, String lastGoodRunId, Instant lastGoodAt, String snapshotSha256,
            Counts counts) {
    }

    public record Counts(int courses, int modules, int lessons, int media) {
    }

    public record Harvest(String runId, Instant at, String folder, long uidValidity, long lastUid, int messages,
            int videos) {
    }

    public record Artifacts(long bytes, long capBytes, boolean overCap) {
    }

    public record Schedule(String cron, List<String> workflows, boolean active, Instant nextRun, String problem) {
    }

    /** {@code GET /soma/errors?limit=}: a Soma run that failed, was interrupted or refused, newest first. */
    public record Error(String runId, String action, String status, String trigger, Instant startedAt, Instant finishedAt,
            String summary, String error) {
    }

    /** {@code GET /soma/mirror/latest}: the newest successful mirror run and its report. */
    public record LatestMirror(String runId, Instant finishedAt, String summary, MirrorReport report) {
    }

    /** mirror_report.json: the snapshots compared, counts per kind, how pairs were made, every finding. */
    public record MirrorReport(Side source, Side target, Map<String, Integer> counts, Map<String, Integer> pairedBy,
            List<Finding> findings) {

        public MirrorReport {
            counts = counts == null ? Map.of() : Map.copyOf(counts);
            pairedBy = pairedBy == null ? Map.of() : Map.copyOf(pairedBy);
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    public record Side(String product, String slug, String snapshotRunId, String snapshotSha256) {
    }

    /** kind: missing_in_target, missing_in_source, title_mismatch, order_drift, publish_drift; a missing side is null. */
    public record Finding(String kind, String level, Item source, Item target, String detail) {
    }

    public record Item(String id, String title, String module, int place, boolean published) {
    }

    /** {@code GET /soma/changes/latest?product=}: what a product's last good snapshot changed. */
    public record LatestChanges(String product, String slug, String runId, Instant takenAt, String summary,
            Changes changes) {
    }

    public record Changes(String previousRunId, List<Change> added, List<Change> removed, List<Change> renamed,
            List<Change> moved, List<Change> publishState) {

        public Changes {
            added = added == null ? List.of() : List.copyOf(added);
            removed = removed == null ? List.of() : List.copyOf(removed);
            renamed = renamed == null ? List.of() : List.copyOf(renamed);
            moved = moved == null ? List.of() : List.copyOf(moved);
            publishState = publishState == null ? List.of() : List.copyOf(publishState);
        }
    }

    public record Change(String level, String id, String title, String from, String to) {
    }
}
