package io.openclaw.hq.soma.kajabi;

/** Kajabi could not be read; the message says what and where, and never holds a credential. */
public class KajabiException extends RuntimeException {

    /** Not an HTTP failure (a malformed answer, a refused link). */
    public static final int NO_STATUS = -1;
    /** No answer at all: the request failed on the network. */
    public static final int NO_ANSWER = 0;

    private final int status;

    public KajabiException(String message) {
        this(message, NO_STATUS);
    }

    public KajabiException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** Kajabi's HTTP status, {@link #NO_ANSWER} or {@link #NO_STATUS}. */
    public int status() {
        return status;
    }
}
