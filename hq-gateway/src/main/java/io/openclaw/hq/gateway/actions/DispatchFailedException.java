package io.openclaw.hq.gateway.actions;

/**
 * An action that could not be handed over. {@code runId} is the holder's run for a 409, else the
 * gateway run that records the failure; {@code gatewayRunId} is always the latter.
 */
public class DispatchFailedException extends RuntimeException {

    private final int status;
    private final String title;
    private final String runId;
    private final String gatewayRunId;

    public DispatchFailedException(int status, String title, String detail, String runId, String gatewayRunId) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.runId = runId;
        this.gatewayRunId = gatewayRunId;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String runId() {
        return runId;
    }

    public String gatewayRunId() {
        return gatewayRunId;
    }
}
