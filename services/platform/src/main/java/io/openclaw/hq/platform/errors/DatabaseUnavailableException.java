package io.openclaw.hq.platform.errors;

/**
 * What could not be done because the database could not be reached; answered 503 with
 * {@code Retry-After}. The message is ours ("the run cannot be recorded: ..."), never the driver's,
 * which names hosts and ports; the driver's failure is kept as the cause for the log.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String whatCannotBeDone, Throwable cause) {
        super(whatCannotBeDone + ": the database is unavailable", cause);
    }
}
