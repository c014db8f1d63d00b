package io.openclaw.hq.soma.service;

/** A Soma run that cannot go on, for a reason the operator can act on (the message says which). */
public class SomaFailure extends RuntimeException {

    public SomaFailure(String message) {
        super(message);
    }
}
