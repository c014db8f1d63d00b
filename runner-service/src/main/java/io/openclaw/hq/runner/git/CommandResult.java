package io.openclaw.hq.runner.git;

/** A finished command: exit code and its output (stdout and stderr apart). */
public record CommandResult(int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }
}
