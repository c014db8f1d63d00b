package io.openclaw.hq.doctor.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /guard/host: what the host guard (deploy/host/openclaw_guard.sh) last wrote to its log.
 * {@code readable=false} with {@code error} when the log cannot be read; {@code fresh} when its
 * newest line is within {@code staleAfterMinutes}; {@code auditHead} is the newest audit-chain
 * entry a cycle recorded (the gateway's GET /api/audit/verify checks it is still in the chain).
 */
@RegisterForReflection
public record HostGuardState(String logPath, boolean readable, String error, long staleAfterMinutes, Instant lastRunAt,
        Long ageMinutes, boolean fresh, String lastOutcome, Map<String, String> lastFacts, String lastLine,
        AuditHead auditHead, List<String> lines) {

    /** One audit-chain entry as a host guard cycle saw it: {@code seq}, its {@code hash}, and when. */
    @RegisterForReflection
    public record AuditHead(long seq, String hash, Instant recordedAt) {
    }
}
