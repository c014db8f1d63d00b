package io.openclaw.hq.notify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How loud an alert is; routing and the Pushover priority follow from it. Lower case on the wire. */
public enum Severity {
    @JsonProperty("info")
    INFO,
    @JsonProperty("warning")
    WARNING,
    @JsonProperty("critical")
    CRITICAL,
    @JsonProperty("emergency")
    EMERGENCY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity louder(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.atLeast(b) ? a : b;
    }

    public static Severity fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
