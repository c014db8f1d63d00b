package io.openclaw.hq.gateway.backends;

/** A backend that did not answer usefully: counted by its circuit breaker. */
public class BackendUnavailableException extends RuntimeException {

    public BackendUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
