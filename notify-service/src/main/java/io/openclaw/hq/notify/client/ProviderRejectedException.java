package io.openclaw.hq.notify.client;

/**
 * A provider answered 4xx: the request itself is wrong (bad credentials, bad number), so sending it
 * again cannot help. Permanent: never retried, never counted by a circuit breaker. The message is the
 * provider's error text, already redacted.
 */
public class ProviderRejectedException extends RuntimeException {

    private final int status;

    public ProviderRejectedException(int status, String redactedDetail) {
        super(redactedDetail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
