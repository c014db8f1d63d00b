package io.openclaw.hq.doctor.host;

/**
 * What one probe returned. {@code error} is set when the probe could not run at all (host
 * unreachable, binary missing, timeout); then {@code exitCode} is -1 and the outputs are empty.
 */
public record ProbeOutput(Probe probe, int exitCode, String stdout, String stderr, long durationMs, String error) {

    public static ProbeOutput failed(Probe probe, String error, long durationMs) {
        return new ProbeOutput(probe, -1, "", "", durationMs, error);
    }

    public boolean succeeded() {
        return error == null && exitCode == 0;
    }

    /** One line saying why this probe gives no usable answer. */
    public String problem() {
        if (error != null) {
            return probe.wire() + ": " + error;
        }
        String firstErr = stderr == null ? "" : stderr.strip().lines().findFirst().orElse("");
        return probe.wire() + ": exit " + exitCode + (firstErr.isEmpty() ? "" : " (" + firstErr + ")");
    }
}
