package io.openclaw.hq.soma.service;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.platform.runs.ArtifactRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the artifact folders of the last N finished runs of each action (a snapshot per product,
 * harvest, mirror, nightly) and deletes older ones, except the folders that later runs read: the
 * last good snapshot of every product and the last good harvest index. The run rows stay.
 */
@ApplicationScoped
public class Retention {

    private final AgroalDataSource dataSource;
    private final ArtifactRoot artifactRoot;

    public Retention(AgroalDataSource dataSource, ArtifactRoot artifactRoot) {
        this.dataSource = dataSource;
        this.artifactRoot = artifactRoot;
    }

    /** The run ids whose folders were deleted; {@code currentRunId}, about to end, counts as one of the N. */
    public List<String> apply(int keepPerAction, Set<String> protectedRunIds, String currentRunId) {
        record Finished(String id, String action) {
        }
        List<Finished> runs = Jdbc.query(dataSource, """
                SELECT id, action FROM runs WHERE area = 'soma' AND (status NOT IN ('queued', 'running') OR id = ?)
                 ORDER BY started_at DESC, id DESC""", s -> s.setString(1, currentRunId), rs -> new Finished(rs.getString(1), rs.getString(2)));
        Map<String, Integer> seen = new HashMap<>();
        List<String> deleted = new ArrayList<>();
        for (Finished run : runs) {
            int rank = seen.merge(run.action(), 1, Integer::sum);
            if (rank <= keepPerAction || protectedRunIds.contains(run.id())) {
                continue;
            }
            Path dir = artifactRoot.resolve("soma/" + run.id());
            if (Files.isDirectory(dir)) {
                deleteTree(dir);
                deleted.add(run.id());
            }
        }
        return deleted;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("deleting " + dir.getFileName(), e);
        }
    }
}
