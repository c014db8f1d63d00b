package io.openclaw.hq.doctor.host;

/** The host could not be reached, or was refused (host key mismatch, target outside the tailnet). */
public class HostUnreachableException extends RuntimeException {

    public HostUnreachableException(String message) {
        super(message);
    }

    public HostUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
