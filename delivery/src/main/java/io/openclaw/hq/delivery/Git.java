package io.openclaw.hq.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * git, run as a process in one repository with a bound on how long it may take. Variables git sets
 * for a hook (GIT_DIR and friends) are dropped so every command reads the repository it is given.
 */
public final class Git {

    static final Duration DEFAULT_LIMIT = Duration.ofMinutes(2);
    public static final String ZERO_SHA = "0000000000000000000000000000000000000000";

    private final Path dir;

    public Git(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** What a finished command said. */
    public record Result(int exitCode, String out, String err) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    public Result run(String... args) {
        return run(DEFAULT_LIMIT, args);
    }

    public Result run(Duration limit, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        return Processes.run(dir, command, limit, "git " + String.join(" ", args));
    }

    /** The command's trimmed output; a refusal naming the command when it fails. */
    public String out(String... args) {
        Result r = run(args);
        if (!r.ok()) {
            throw new Refusal("git " + String.join(" ", args) + " failed: " + firstLine(r.err()));
        }
        return r.out().strip();
    }

    public boolean ok(String... args) {
        return run(args).ok();
    }

    /** The full SHA of a revision, or null when it names no commit. */
    public String commit(String rev) {
        Result r = run("rev-parse", "--verify", "--quiet", rev + "^{commit}");
        return r.ok() ? r.out().strip() : null;
    }

    public String head() {
        String head = commit("HEAD");
        if (head == null) {
            throw new Refusal("this repository has no commit yet");
        }
        return head;
    }

    public boolean isAncestor(String ancestor, String descendant) {
        return run("merge-base", "--is-ancestor", ancestor, descendant).ok();
    }

    /** A file's content at a commit, or null when the commit has no such file. */
    public String show(String commit, String path) {
        Result r = run("show", commit + ":" + path);
        return r.ok() ? r.out() : null;
    }

    public List<String> parents(String commit) {
        String line = out("rev-list", "--parents", "-n", "1", commit);
        String[] parts = line.split("\\s+");
        return List.of(parts).subList(1, parts.length);
    }

    public List<String> changedPaths(String from, String to) {
        String out = out("diff", "--name-only", "--no-renames", from, to);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    /** Tracked files with changes, staged or not (untracked files are not part of any commit). */
    public List<String> dirtyTrackedFiles() {
        String out = out("status", "--porcelain", "--untracked-files=no");
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    public String message(String commit) {
        return out("log", "-1", "--format=%B", commit);
    }

    static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
