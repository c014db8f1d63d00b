package io.openclaw.hq.gateway.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * The second half of GET /api/audit/verify: the newest audit entry the host guard recorded in its
 * log (every 10 minutes, read from PostgreSQL outside the gateway) must still be in the chain with
 * the same hash. {@code status}: {@code present}; {@code cut_off} (the chain now ends before it:
 * the newest entries were removed); {@code mismatch} (an entry with that number exists but is
 * another one: cut off and written again); {@code not_checked} with the reason (no head recorded
 * yet, doctor-service unreachable, the guard log unreadable).
 */
@RegisterForReflection
public record GuardHeadCheck(String status, Long seq, String hash, Instant recordedAt, String detail) {

    public static final String PRESENT = "present";
    public static final String CUT_OFF = "cut_off";
    public static final String MISMATCH = "mismatch";
    public static final String NOT_CHECKED = "not_checked";

    public static GuardHeadCheck notChecked(String why) {
        return new GuardHeadCheck(NOT_CHECKED, null, null, null, why);
    }

    /** True when the recorded head proves entries are gone. */
    public boolean contradictsChain() {
        return CUT_OFF.equals(status) || MISMATCH.equals(status);
    }
}
