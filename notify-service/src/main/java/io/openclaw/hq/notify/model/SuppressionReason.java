package io.openclaw.hq.notify.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why nothing was sent for an alert. */
public enum SuppressionReason {
    RATE_LIMIT("rate limit"),
    MAINTENANCE_WINDOW("maintenance window"),
    UNCHANGED_STATE("unchanged state"),
    FLAPPING("flapping");

    private final String wire;

    SuppressionReason(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
