package io.openclaw.hq.notify.client;

/**
 * A provider answered 5xx, or not at all (timeout, connection refused): worth trying again with
 * backoff. {@code status} is 0 when there was no answer. The message is already redacted.
 */
public class ProviderUnavailableException extends RuntimeException {

    private final int status;

    public ProviderUnavailableException(int status, String redactedDetail) {
        super(redactedDetail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
