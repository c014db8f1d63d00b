package io.openclaw.hq.soma.service;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.mirror.MirrorReport;
import io.openclaw.hq.soma.mirror.MirrorWorkflow;
import io.openclaw.hq.soma.model.LatestChanges;
import io.openclaw.hq.soma.model.LatestMirror;
import io.openclaw.hq.soma.snapshot.ChangeSummary;
import io.openclaw.hq.soma.snapshot.SnapshotStore;
import io.openclaw.hq.soma.snapshot.SnapshotWorkflow;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;

/**
 * The newest products for HQ to show without reading the artifact tree itself: the last successful
 * mirror report and a product's last good snapshot's change summary, read back from the files the
 * runs wrote. Nothing there yet, or its file gone, is a 404 that says which and what to run.
 */
@ApplicationScoped
public class LatestReports {

    private final AgroalDataSource dataSource;
    private final SnapshotStore snapshots;
    private final ArtifactRoot artifactRoot;

    public LatestReports(AgroalDataSource dataSource, SnapshotStore snapshots, ArtifactRoot artifactRoot) {
        this.dataSource = dataSource;
        this.snapshots = snapshots;
        this.artifactRoot = artifactRoot;
    }

    private record MirrorRun(String id, java.time.Instant finishedAt, String summary) {
    }

    public LatestMirror mirror() {
        MirrorRun run = Jdbc.query(dataSource, """
                SELECT id, finished_at, summary FROM runs
                 WHERE area = 'soma' AND action = ? AND status = 'success'
                 ORDER BY started_at DESC, id DESC LIMIT 1""", s -> s.setString(1, SomaRuns.MIRROR),
                rs -> {
                    Timestamp finished = rs.getTimestamp("finished_at");
                    return new MirrorRun(rs.getString("id"), finished == null ? null : finished.toInstant(),
                            rs.getString("summary"));
                }).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("no mirror report yet: run the mirror (soma_mirror)"));
        Path file = artifactRoot.resolve(SomaRuns.AREA + "/" + run.id() + "/" + MirrorWorkflow.REPORT);
        return new LatestMirror(run.id(), run.finishedAt(), run.summary(), read(file, MirrorReport.class,
                "the mirror report of run " + run.id()));
    }

    public LatestChanges changes(SomaFile.Product product) {
        SnapshotStore.GoodSnapshot good = snapshots.lastGood(product.slug()).orElseThrow(() -> ProblemException.notFound(
                "no good snapshot of " + product.name() + " yet: snapshot it first"));
        Path snapshot = artifactRoot.resolve(good.path());
        ChangeSummary changes = read(snapshot.resolveSibling(SnapshotWorkflow.CHANGES), ChangeSummary.class,
                "the change summary of snapshot " + good.runId());
        return new LatestChanges(product.name(), product.slug(), good.runId(), good.takenAt(), changes.oneLine(), changes);
    }

    private static <T> T read(Path file, Class<T> type, String what) {
        if (!Files.isRegularFile(file)) {
            throw ProblemException.notFound(what + " is no longer on disk (deleted by hand?): run it again");
        }
        try {
            return ArtifactFiles.CANONICAL.readValue(Files.readAllBytes(file), type);
        } catch (IOException e) {
            throw new IllegalStateException(what + " is unreadable: " + e.getClass().getSimpleName(), e);
        }
    }
}
