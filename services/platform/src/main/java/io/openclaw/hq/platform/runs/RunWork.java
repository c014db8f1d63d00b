package io.openclaw.hq.platform.runs;

/**
 * The body of a run started by {@link RunLauncher}: it logs as it goes and ends the run through
 * the handle. Returning without an ending, or throwing, ends the run as a failure.
 */
@FunctionalInterface
public interface RunWork {

    void perform(RunHandle run) throws Exception;
}
