package io.openclaw.hq.runner.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ephemeral worktrees under {@code <work-dir>/worktrees/<job id>}: detached at the pinned commit,
 * {@code core.hooksPath .githooks} in the worktree's own gitdir config when {@code .githooks/}
 * exists (before the tree is made read-only, and outside it, so the tree stays clean), then
 * {@code chmod -R a-w}. Removed whatever happened.
 */
public final class Worktrees {

    static final Set<PosixFilePermission> WRITE_BITS = Set.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private final Git git;
    private final Path root;
    private final Duration timeout;

    public Worktrees(Git git, Path workDir, Duration timeout) {
        this.git = git;
        this.root = workDir.resolve("worktrees");
        this.timeout = timeout;
    }

    public Path root() {
        return root;
    }

    public Path pathOf(String jobId) {
        Path path = root.resolve(jobId).normalize();
        if (!path.getParent().equals(root.normalize())) {
            throw new IllegalArgumentException("bad job id for a worktree: " + jobId);
        }
        return path;
    }

    /** Step 2: the worktree at {@code sha}. */
    public Path create(Path mirror, String jobId, String sha) {
        Path worktree = pathOf(jobId);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("worktrees folder", e);
        }
        // parallel checkout: on a busy disk, writing thousands of small files one at a time is what costs
        git.run("worktree add", mirror, "-c", "checkout.workers=4", "worktree", "add", "--detach", "--quiet",
                worktree.toString(), sha);
        return worktree;
    }

    /**
     * Step 2a: when the tree has {@code .githooks/}, {@code core.hooksPath} is set in the
     * worktree's gitdir ({@code config.worktree}), never in a tracked file. Returns whether it was set.
     */
    public boolean setHooksPath(Path worktree) {
        if (!Files.isDirectory(worktree.resolve(".githooks"), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        git.run("set core.hooksPath", worktree, "config", "--worktree", "core.hooksPath", ".githooks");
        return true;
    }

    /** Step 3: {@code chmod -R a-w}; false when chmod failed (the job then does not run). */
    public boolean makeReadOnly(Path worktree) {
        if (!Commands.run(null, timeout, java.util.Map.of(), List.of("chmod", "-R", "a-w", worktree.toString())).ok()) {
            return false;
        }
        // chmod changed every file's ctime; the index (in the gitdir, outside the tree) takes the new stat data
        // now, so the check after the job compares stat data instead of re-reading every file, and a change
        // the wrapper makes still shows, ctime included
        git.tryRun(worktree, "update-index", "-q", "--refresh");
        return true;
    }

    /** Every file or folder under the worktree that is writable again (symlinks aside), at most {@code max}. */
    public List<String> writableEntries(Path worktree, int max) {
        List<String> writable = new ArrayList<>();
        try {
            Files.walkFileTree(worktree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    check(dir);
                    return writable.size() >= max ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!attrs.isSymbolicLink()) {
                        check(file);
                    }
                    return writable.size() >= max ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                private void check(Path p) throws IOException {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                    if (perms.stream().anyMatch(WRITE_BITS::contains)) {
                        String rel = worktree.relativize(p).toString();
                        writable.add(rel.isEmpty() ? "." : rel);
                    }
                }
            });
        } catch (IOException e) {
            writable.add("(unreadable: " + e.getMessage() + ")");
        }
        return writable;
    }

    /**
     * Changes after the job: {@code git status --porcelain}, untracked and ignored files included;
     * {@code --no-optional-locks} so the check itself writes nothing.
     */
    public List<String> changedFiles(Path worktree) {
        CommandResult status = git.tryRun(null, "--no-optional-locks", "-C", worktree.toString(), "status",
                "--porcelain=v1", "--untracked-files=all", "--ignored=matching");
        if (!status.ok()) {
            throw new GitException("git status failed (git exit " + status.exitCode() + "): " + Git.firstLine(status.stderr()));
        }
        // not stripped: the first line's leading blank is part of its status letters
        return PorcelainStatus.paths(status.stdout());
    }

    /** Removes the worktree whatever state it is in; safe to call for one that never existed. */
    public void remove(Path mirror, Path worktree) {
        if (Files.exists(worktree, LinkOption.NOFOLLOW_LINKS)) {
            Commands.run(null, timeout, java.util.Map.of(), List.of("chmod", "-R", "u+w", worktree.toString()));
            if (mirror != null && Files.isDirectory(mirror)) {
                git.tryRun(mirror, "worktree", "remove", "--force", "--force", worktree.toString());
            }
            deleteTree(worktree);
        }
        if (mirror != null && Files.isDirectory(mirror)) {
            git.tryRun(mirror, "worktree", "prune");
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + root, e);
        }
    }
}
