package io.openclaw.hq.delivery;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-push hook, in a directory of the repository's git dir (never tracked, so no commit can
 * change it) that core.hooksPath points at. It runs this program's push gate with the Java and
 * class path that installed it. Installing twice changes nothing.
 */
public final class Hooks {

    static final String DIR = "hq-hooks";
    static final String PRE_PUSH = "pre-push";

    private final Git git;

    public Hooks(Git git) {
        this.git = git;
    }

    public Path hooksDir() {
        Path common = Path.of(git.out("rev-parse", "--git-common-dir"));
        return git.dir().resolve(common).toAbsolutePath().normalize().resolve(DIR);
    }

    /** The hook as this program would write it now. */
    public String expectedHook() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        String classPath = String.join(File.pathSeparator, entries);
        return "#!/usr/bin/env bash\n"
                + "# OpenClaw HQ push gate, installed by ./hq hooks install (docs/REVIEW_WORKFLOW.md).\n"
                + "# No variable turns it off: a push to main passes only with an APPROVED, non-simulated review\n"
                + "# of exactly what it delivers, ending with its baseline-advance commit.\n"
                + "set -euo pipefail\n"
                + "if [ ! -e " + quote(entries.isEmpty() ? "" : entries.get(0)) + " ]; then\n"
                + "  echo 'push refused: the push gate program is missing; rebuild and reinstall it: ./hq hooks install' >&2\n"
                + "  exit 1\n"
                + "fi\n"
                // a short-lived JVM: C1 only and a small serial heap start fastest
                + "exec " + quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m -cp " + quote(classPath) + " " + Main.class.getName()
                + " review gate --repo \"$(git rev-parse --show-toplevel)\" \"$@\"\n";
    }

    public void install(PrintStream out) {
        Path dir = hooksDir();
        Path hook = dir.resolve(PRE_PUSH);
        String expected = expectedHook();
        boolean changed = false;
        try {
            Files.createDirectories(dir);
            if (!Files.isRegularFile(hook) || !Files.readString(hook, StandardCharsets.UTF_8).equals(expected)) {
                Path tmp = dir.resolve(PRE_PUSH + ".tmp");
                Files.writeString(tmp, expected, StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(tmp, hook, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                changed = true;
            }
            if (!Files.isExecutable(hook)) {
                Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
                changed = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!dir.toString().equals(hooksPath())) {
            git.out("config", "--local", "core.hooksPath", dir.toString());
            changed = true;
        }
        out.println(changed ? "pre-push gate installed: core.hooksPath=" + dir : "pre-push gate already installed (" + dir + ")");
    }

    /** core.hooksPath as configured, or null. */
    public String hooksPath() {
        Git.Result r = git.run("config", "--get", "core.hooksPath");
        return r.ok() ? r.out().strip() : null;
    }

    /** Why the gate is not in place; null when it is (hooksPath ours, hook present, executable, current). */
    public String problem() {
        Path dir = hooksDir();
        String configured = hooksPath();
        if (configured == null) {
            return "core.hooksPath is not set";
        }
        if (!dir.toString().equals(configured)) {
            return "core.hooksPath is " + configured + ", not " + dir;
        }
        Path hook = dir.resolve(PRE_PUSH);
        if (!Files.isRegularFile(hook)) {
            return hook + " is missing";
        }
        if (!Files.isExecutable(hook)) {
            return hook + " is not executable";
        }
        try {
            if (!Files.readString(hook, StandardCharsets.UTF_8).equals(expectedHook())) {
                return hook + " differs from what this build installs (stale or edited)";
            }
        } catch (IOException e) {
            return hook + " cannot be read: " + e.getMessage();
        }
        return null;
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
