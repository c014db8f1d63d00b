package io.openclaw.hq.llm.client;

import io.openclaw.hq.llm.model.ErrorClass;

/** What the provider doctor learned from one provider: OK, DEGRADED or DOWN, and why. */
public record ProbeResult(String state, ErrorClass errorClass, Integer httpStatus, String detail) {

    public static ProbeResult ok() {
        return new ProbeResult("OK", null, 200, "reachable, key accepted");
    }
}
