package io.openclaw.hq.runner.service;

import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.runner.config.RunnerConfig;
import io.openclaw.hq.runner.git.Git;
import io.openclaw.hq.runner.git.Mirrors;
import io.openclaw.hq.runner.git.Worktrees;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;

/** The runner's working folder: mirrors, worktrees, and per-job scratch (the wrapper's HOME and TMPDIR). */
@ApplicationScoped
public class Workspace {

    static final Duration GIT_TIMEOUT = Duration.ofMinutes(10);

    private final Path root;
    private final Git git;
    private final Mirrors mirrors;
    private final Worktrees worktrees;

    public Workspace(RunnerConfig config, ArtifactRoot artifacts) {
        this.root = Path.of(config.workDir()).toAbsolutePath().normalize();
        if (root.startsWith(artifacts.path()) || artifacts.path().startsWith(root)) {
            // the artifact tree is served to HQ; a mirror or a worktree must never be part of it
            throw new IllegalStateException("runner.work-dir and the artifact root must not contain each other");
        }
        this.git = new Git(GIT_TIMEOUT);
        this.mirrors = new Mirrors(git, root);
        this.worktrees = new Worktrees(git, root, GIT_TIMEOUT);
    }

    public Git git() {
        return git;
    }

    public Mirrors mirrors() {
        return mirrors;
    }

    public Worktrees worktrees() {
        return worktrees;
    }

    public Path scratchOf(String jobId) {
        return root.resolve("scratch").resolve(jobId);
    }
}
