package io.openclaw.hq.runner.git;

/** A git step failed; the message names the step and carries git's own first line of error. */
public class GitException extends RuntimeException {

    public GitException(String message) {
        super(message);
    }
}
