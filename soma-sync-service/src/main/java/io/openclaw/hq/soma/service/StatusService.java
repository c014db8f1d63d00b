package io.openclaw.hq.soma.service;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.platform.config.ConfigViolation;
import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.config.SomaSettings;
import io.openclaw.hq.soma.harvest.HarvestStateStore;
import io.openclaw.hq.soma.model.SomaError;
import io.openclaw.hq.soma.model.SomaStatus;
import io.openclaw.hq.soma.snapshot.SnapshotStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What GET /soma/status and GET /soma/errors answer, read from the runs table and Soma's own tables. */
@ApplicationScoped
public class StatusService {

    private final AgroalDataSource dataSource;
    private final SomaSettings settings;
    private final SnapshotStore snapshots;
    private final HarvestStateStore harvests;
    private final SomaSecrets secrets;
    private final NightlySchedule schedule;
    private final ArtifactRoot artifactRoot;

    public StatusService(AgroalDataSource dataSource, SomaSettings settings, SnapshotStore snapshots,
            HarvestStateStore harvests, SomaSecrets secrets, NightlySchedule schedule, ArtifactRoot artifactRoot) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.snapshots = snapshots;
        this.harvests = harvests;
        this.secrets = secrets;
        this.schedule = schedule;
        this.artifactRoot = artifactRoot;
    }

    public SomaStatus status() {
        List<ConfigViolation> violations = settings.violations();
        SomaFile file = null;
        List<String> warnings = new ArrayList<>();
        List<String> violationText = new ArrayList<>(violations.stream().map(ConfigViolation::toString).toList());
        if (violations.isEmpty()) {
            try {
                file = settings.current();
            } catch (io.openclaw.hq.platform.config.ConfigInvalidException e) {
                e.violations().forEach(v -> violationText.add(v.toString()));
            }
        }
        if (!violationText.isEmpty()) {
            warnings.add("config/soma.json is invalid: every Soma run is refused until it is fixed");
        }
        Map<String, SomaStatus.RunSummary> last = lastByAction(false);
        Map<String, SomaStatus.RunSummary> lastSuccess = lastByAction(true);
        List<SomaStatus.WorkflowStatus> workflows = new ArrayList<>();
        List<SomaStatus.ProductStatus> products = new ArrayList<>();
        if (file != null) {
            for (SomaFile.Product p : file.products()) {
                String action = SomaRuns.snapshotAction(p);
                workflows.add(new SomaStatus.WorkflowStatus("snapshot", action, p.name(), last.get(action),
                        lastSuccess.get(action)));
                products.add(snapshots.lastGood(p.slug())
                        .map(g -> new SomaStatus.ProductStatus(p.name(), p.slug(), g.runId(), g.takenAt(), g.sha256(), g.counts()))
                        .orElse(new SomaStatus.ProductStatus(p.name(), p.slug(), null, null, null, null)));
            }
        }
        for (String action : List.of(SomaRuns.HARVEST, SomaRuns.MIRROR, SomaRuns.NIGHTLY)) {
            workflows.add(new SomaStatus.WorkflowStatus(action.substring("soma_".length()), action, null, last.get(action),
                    lastSuccess.get(action)));
        }
        SomaStatus.HarvestStatus harvest = harvests.latest().map(h -> new SomaStatus.HarvestStatus(h.runId(),
                h.updatedAt(), h.folder(), h.uidValidity(), h.lastUid(), h.messages(), h.videos())).orElse(null);
        ArtifactUsage usage = ArtifactUsage.of(artifactRoot.resolve(SomaRuns.AREA),
                file == null ? Long.MAX_VALUE / (1024 * 1024) : file.retention().sizeCapMegabytes());
        if (usage.overCap()) {
            warnings.add(usage.warning());
        }
        boolean browser = file != null && file.browserSnapshots();
        // the session token matters only while the browser fallback is on
        secrets.status().stream().filter(s -> !s.present())
                .filter(s -> browser || !SomaSecrets.KAJABI_SESSION_TOKEN.equalsIgnoreCase(s.name()))
                .forEach(s -> warnings.add("secret " + s.name().toLowerCase(java.util.Locale.ROOT) + " is not set"));
        return new SomaStatus("soma-sync-service", violationText.isEmpty(), violationText, workflows, products, harvest,
                usage, warnings, secrets.status(), schedule.status());
    }

    public List<SomaError> errors(int limit) {
        return Jdbc.query(dataSource, """
                SELECT id, action, status, trigger, started_at, finished_at, summary, error FROM runs
                 WHERE area = 'soma' AND status IN ('failure', 'interrupted', 'refused')
                 ORDER BY started_at DESC, id DESC LIMIT ?""", s -> s.setInt(1, limit),
                rs -> new SomaError(rs.getString("id"), rs.getString("action"), rs.getString("status"),
                        rs.getString("trigger"), instant(rs, "started_at"), instant(rs, "finished_at"),
                        rs.getString("summary"), rs.getString("error")));
    }

    private Map<String, SomaStatus.RunSummary> lastByAction(boolean successOnly) {
        Map<String, SomaStatus.RunSummary> result = new HashMap<>();
        Jdbc.query(dataSource, "SELECT DISTINCT ON (action) id, action, status, trigger, started_at, finished_at, summary, error,"
                + " artifacts::text AS artifacts FROM runs WHERE area = 'soma'" + (successOnly ? " AND status = 'success'" : "")
                + " ORDER BY action, started_at DESC, id DESC", s -> {
                }, rs -> result.put(rs.getString("action"), new SomaStatus.RunSummary(rs.getString("id"),
                        rs.getString("status"), rs.getString("trigger"), instant(rs, "started_at"),
                        instant(rs, "finished_at"), rs.getString("summary"), rs.getString("error"),
                        onDisk(rs.getString("artifacts")))));
        return result;
    }

    /** The run's artifact paths whose files retention has not removed: HQ links only to what it can open. */
    private List<String> onDisk(String artifactsJson) {
        List<String> kept = new ArrayList<>();
        try {
            for (com.fasterxml.jackson.databind.JsonNode path : ArtifactFiles.CANONICAL.readTree(artifactsJson)) {
                String relative = path.asText();
                if (!relative.isBlank() && java.nio.file.Files.isRegularFile(artifactRoot.resolve(relative))) {
                    kept.add(relative);
                }
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // a row whose artifact list cannot be read shows none rather than failing the status
        }
        return kept;
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
