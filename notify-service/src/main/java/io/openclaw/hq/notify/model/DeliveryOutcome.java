package io.openclaw.hq.notify.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What happened on one channel. {@code SENDING} is a delivery recorded but not finished (still in
 * flight, or the service stopped mid-send: then {@code INTERRUPTED}).
 */
public enum DeliveryOutcome {
    SENT, SUPPRESSED, DRY_RUN, NOT_CONFIGURED, FAILED, SENDING, INTERRUPTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryOutcome fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
