package io.openclaw.hq.llm.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a provider failure is classified (ORIGINAL_HANDOFF "Review Fallback Behavior"). Only the
 * three transient classes let the review gate try its one fallback.
 */
public enum ErrorClass {
    TRANSIENT_QUOTA, TRANSIENT_SERVER, TRANSIENT_NETWORK, NON_TRANSIENT, MISSING_KEY;

    public boolean isTransient() {
        return this == TRANSIENT_QUOTA || this == TRANSIENT_SERVER || this == TRANSIENT_NETWORK;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
