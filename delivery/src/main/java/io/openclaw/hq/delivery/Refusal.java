package io.openclaw.hq.delivery;

/**
 * A step that will not go on: the message says what was wrong and what to do next. Every command
 * turns it into a non-zero exit with that message; nothing is ever passed silently.
 */
public class Refusal extends RuntimeException {

    private final int exitCode;

    public Refusal(String message) {
        this(message, 1);
    }

    public Refusal(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public static Refusal usage(String message) {
        return new Refusal(message, 2);
    }

    public int exitCode() {
        return exitCode;
    }
}
