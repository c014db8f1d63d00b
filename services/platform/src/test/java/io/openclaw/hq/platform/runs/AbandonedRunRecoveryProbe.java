package io.openclaw.hq.platform.runs;

import jakarta.enterprise.context.ApplicationScoped;

/** Lets a test replay the start-up recovery without restarting the app. */
@ApplicationScoped
public class AbandonedRunRecoveryProbe {

    private final AbandonedRunRecovery recovery;

    public AbandonedRunRecoveryProbe(AbandonedRunRecovery recovery) {
        this.recovery = recovery;
    }

    public void simulateRestart() {
        recovery.onStart(null);
    }
}
