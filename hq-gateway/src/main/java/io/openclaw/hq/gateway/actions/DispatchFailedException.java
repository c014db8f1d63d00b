package io.openclaw.hq.gateway.actions;

/**
 * An action that could not be handed over. {@code runId} is the holder's run for a 409, else the
 * gateway run that records the failure; {@code gatewayRunId} is always the latter. {@code retryAfter}
 * is the busy backend's {@code Retry-After} on a 429, passed on to the operator, or null.
 */
public class DispatchFailedException extends RuntimeException {

    private final int status;
    private final String title;
    private final String runId;
    private final String gatewayRunId;
    private final String retryAfter;

    public DispatchFailedException(int status, String title, String detail, String runId, String gatewayRunId,
            String retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.runId = runId;
        this.gatewayRunId = gatewayRunId;
        this.retryAfter = retryAfter;
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

    public String retryAfter() {
        return retryAfter;
    }

    /** "in 30 s" or "after {date}" from the busy backend's {@code Retry-After}; null when it sent none. */
    public String retryWhen() {
        return retryWhen(retryAfter);
    }

    static String retryWhen(String retryAfter) {
        if (retryAfter == null) {
            return null;
        }
        return retryAfter.chars().allMatch(Character::isDigit) ? "in " + retryAfter + " s" : "after " + retryAfter;
    }
}
