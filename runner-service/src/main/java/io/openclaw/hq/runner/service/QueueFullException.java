package io.openclaw.hq.runner.service;

import io.openclaw.hq.platform.errors.ProblemException;

/** The queue holds as many waiting jobs as it may: answered 429, nothing recorded. */
public class QueueFullException extends ProblemException {

    public QueueFullException(int capacity) {
        super(429, "queue full", capacity + " jobs are already waiting; submit again when the queue drains");
    }
}
