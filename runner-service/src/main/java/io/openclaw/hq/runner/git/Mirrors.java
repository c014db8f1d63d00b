package io.openclaw.hq.runner.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One bare mirror per allowlisted repository under {@code <work-dir>/mirrors/<name>.git}. Its push
 * URL is {@code DISABLED} (set on creation and checked again before every fetch: no job can push),
 * its fetch URL is the allowlisted one, and it is fetched before every job.
 */
public final class Mirrors {

    public static final String PUSH_DISABLED = "DISABLED";

    private final Git git;
    private final Path root;

    public Mirrors(Git git, Path workDir) {
        this.git = git;
        this.root = workDir.resolve("mirrors");
    }

    public Path pathOf(String repoName) {
        return root.resolve(repoName + ".git");
    }

    /** The mirror of {@code repoName}, created if missing, pointed at {@code url}, push disabled, fetched. */
    public Path refresh(String repoName, String url) {
        Path mirror = pathOf(repoName);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("mirrors folder", e);
        }
        if (!Files.isDirectory(mirror)) {
            git.run("clone --mirror of " + repoName, null, "clone", "--mirror", "--quiet", "--", url, mirror.toString());
        } else if (!url.equals(git.tryRun(mirror, "remote", "get-url", "origin").stdout().strip())) {
            // the allowlist is the truth: a changed URL moves the mirror with it
            git.run("set the fetch URL of " + repoName, mirror, "remote", "set-url", "origin", url);
        }
        disablePush(repoName, mirror);
        // per-worktree config, so core.hooksPath set for one job stays in that job's gitdir
        git.run("repository format of " + repoName, mirror, "config", "core.repositoryFormatVersion", "1");
        git.run("worktree config of " + repoName, mirror, "config", "extensions.worktreeConfig", "true");
        // with per-worktree config on, core.bare must live in the mirror's own config.worktree: left in
        // the shared config it would make every worktree of the mirror bare as well
        if (git.tryRun(mirror, "config", "--worktree", "--get", "core.bare").stdout().isBlank()) {
            git.run("keep the mirror bare", mirror, "config", "--worktree", "core.bare", "true");
        }
        git.tryRun(mirror, "config", "--local", "--unset", "core.bare");
        git.run("fetch of " + repoName, mirror, "fetch", "--prune", "--quiet", "origin");
        return mirror;
    }

    private void disablePush(String repoName, Path mirror) {
        git.run("disable push on " + repoName, mirror, "remote", "set-url", "--push", "origin", PUSH_DISABLED);
        String push = git.run("read the push URL of " + repoName, mirror, "remote", "get-url", "--push", "origin");
        if (!PUSH_DISABLED.equals(push)) {
            throw new GitException("the push URL of " + repoName + " is not " + PUSH_DISABLED + "; refusing to run");
        }
    }

    /** The full commit id of {@code sha} (or of the default branch's head when null) in the mirror. */
    public String resolve(Path mirror, String sha) {
        String rev = sha == null ? "HEAD" : sha;
        return git.run("resolve " + rev, mirror, "rev-parse", "--verify", "--quiet", rev + "^{commit}");
    }
}
