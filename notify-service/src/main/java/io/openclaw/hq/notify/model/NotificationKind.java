package io.openclaw.hq.notify.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a message goes out: the first problem, a reminder, the all-clear, a flapping summary, or a direct SMS. */
public enum NotificationKind {
    ALERT("FAIL"), REMINDER("still failing"), RESOLVED("resolved"), FLAPPING("flapping"), MESSAGE("message");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    /** The marker put in front of the title, so the reader knows at a glance what kind of message it is. */
    public String label() {
        return label;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
