package io.openclaw.hq.runner.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A job's own state. {@code mutation_detected} has no run status of its own: the job's run ends
 * as {@code failure} with error class MUTATION_DETECTED and the changed files.
 */
public enum JobStatus {
    QUEUED, RUNNING, SUCCESS, FAILURE, MUTATION_DETECTED, INTERRUPTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isFinished() {
        return this != QUEUED && this != RUNNING;
    }
}
