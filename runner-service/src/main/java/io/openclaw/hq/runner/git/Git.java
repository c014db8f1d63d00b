package io.openclaw.hq.runner.git;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * git as a child process, one argument array per call. Prompts are off (a missing credential is
 * an error, never a hang), system and global config are ignored so the host's settings cannot
 * change what a job sees, and the protocols are those the repository allowlist permits.
 */
public final class Git {

    public static final Map<String, String> ENV = Map.of(
            "GIT_TERMINAL_PROMPT", "0",
            "GIT_CONFIG_NOSYSTEM", "1",
            "GIT_CONFIG_GLOBAL", "/dev/null",
            "GIT_ALLOW_PROTOCOL", "https:ssh:file",
            "GIT_SSH_COMMAND", "ssh -o BatchMode=yes");

    private final Duration timeout;

    public Git(Duration timeout) {
        this.timeout = timeout;
    }

    /** {@code git -C directory args...}; a non-zero exit is a {@link GitException} naming {@code step}. */
    public String run(String step, Path directory, String... args) {
        CommandResult result = tryRun(directory, args);
        if (!result.ok()) {
            throw new GitException(step + " failed (git exit " + result.exitCode() + "): " + firstLine(result.stderr()));
        }
        return result.stdout().strip();
    }

    public CommandResult tryRun(Path directory, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("git");
        if (directory != null) {
            argv.add("-C");
            argv.add(directory.toString());
        }
        argv.addAll(List.of(args));
        return Commands.run(null, timeout, ENV, argv);
    }

    static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
