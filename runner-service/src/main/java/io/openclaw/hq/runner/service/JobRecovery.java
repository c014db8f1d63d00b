package io.openclaw.hq.runner.service;

import io.openclaw.hq.runner.model.Job;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * After a restart: a job still marked running belonged to the process that died. It becomes
 * interrupted (its run is marked interrupted by the platform's own recovery) and its worktree is
 * removed; any other leftover worktree folder goes too. Queued jobs are untouched and run.
 */
@ApplicationScoped
public class JobRecovery {

    static final String REASON = "the service stopped while this job was running";
    private static final Logger LOG = Logger.getLogger(JobRecovery.class);

    private final JobStore store;
    private final Workspace workspace;

    public JobRecovery(JobStore store, Workspace workspace) {
        this.store = store;
        this.workspace = workspace;
    }

    /** Returns the jobs it interrupted. */
    public List<Job> recover() {
        List<Job> interrupted = store.interruptRunning(Instant.now(), REASON);
        for (Job job : interrupted) {
            LOG.warnf("job %s (%s on %s) was left running; marked interrupted", job.id(), job.jobType(), job.repo());
            if (job.worktree() != null) {
                removeQuietly(job.repo(), Path.of(job.worktree()));
            }
        }
        Path root = workspace.worktrees().root();
        if (Files.isDirectory(root)) {
            try (Stream<Path> left = Files.list(root)) {
                left.forEach(dir -> removeQuietly(null, dir));
            } catch (java.io.IOException e) {
                LOG.warnf("listing leftover worktrees: %s", e.getMessage());
            }
        }
        pruneMirrors();
        return interrupted;
    }

    private void pruneMirrors() {
        Path mirrors = workspace.mirrors().pathOf("x").getParent();
        if (!Files.isDirectory(mirrors)) {
            return;
        }
        try (Stream<Path> all = Files.list(mirrors)) {
            all.filter(Files::isDirectory).forEach(m -> workspace.git().tryRun(m, "worktree", "prune"));
        } catch (java.io.IOException e) {
            LOG.warnf("pruning mirrors: %s", e.getMessage());
        }
    }

    private void removeQuietly(String repo, Path worktree) {
        try {
            Path mirror = repo == null ? null : workspace.mirrors().pathOf(repo);
            workspace.worktrees().remove(mirror, worktree);
        } catch (RuntimeException e) {
            LOG.errorf("worktree %s not removed: %s", worktree, e.getMessage());
        }
    }
}
