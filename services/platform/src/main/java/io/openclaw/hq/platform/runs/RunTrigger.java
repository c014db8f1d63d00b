package io.openclaw.hq.platform.runs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What started a run: a button on HQ, a schedule, an inbound SMS, or an API client. */
public enum RunTrigger {
    WEB, TIMER, SMS, API;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RunTrigger fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
