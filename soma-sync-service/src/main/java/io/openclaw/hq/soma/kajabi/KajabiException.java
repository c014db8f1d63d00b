package io.openclaw.hq.soma.kajabi;

/** Kajabi could not be read; the message says what and where, and never holds a credential. */
public class KajabiException extends RuntimeException {

    public KajabiException(String message) {
        super(message);
    }
}
