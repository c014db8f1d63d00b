package io.openclaw.hq.doctor.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** One line of the guard log: what the guard saw, did and told notify-service. */
@RegisterForReflection
public record GuardEntry(long id, Instant at, String runId, String target, GuardOutcome outcome, CheckStatus doctorStatus,
        List<String> failing, List<String> actions, List<String> alerts, String message) {

    public GuardEntry {
        failing = List.copyOf(failing);
        actions = List.copyOf(actions);
        alerts = List.copyOf(alerts);
    }

    /** The reference's log line format: {@code <ISO time> <OUTCOME> <message>}. */
    public String line() {
        return at + " " + outcome + " " + message;
    }
}
