package io.openclaw.hq.runner.wrapper;

/** How a wrapper ended: its exit code, or timed out (its process group terminated, then killed). */
public record WrapperResult(int exitCode, boolean timedOut, long outputLines, boolean outputCut) {
}
