package io.openclaw.hq.doctor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openclaw.hq.platform.errors.ProblemException;

/** check-only: pre-check and evidence; verify-only: doctor and evidence; apply: the fix when safe, then both. */
public enum HealMode {
    CHECK_ONLY("check-only"), VERIFY_ONLY("verify-only"), APPLY("apply");

    private final String wire;

    HealMode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static HealMode fromWire(String value) {
        for (HealMode m : values()) {
            if (m.wire.equals(value)) {
                return m;
            }
        }
        throw ProblemException.badRequest("mode must be one of check-only, verify-only, apply; was '" + value + "'");
    }
}
