package io.openclaw.hq.soma.kajabi;

import java.time.Duration;

/** Waiting out a Retry-After; a test or a benchmark passes one that records instead of sleeping. */
@FunctionalInterface
public interface Pause {

    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void waitFor(Duration duration) throws InterruptedException;
}
