package io.openclaw.hq.notify.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Channel {
    PUSHOVER, SMS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
