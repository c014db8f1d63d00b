package io.openclaw.hq.gateway.audit;

/**
 * The outcome of recomputing the audit chain: {@code firstBrokenSeq} names the first entry whose
 * stored hash or link to its predecessor does not match, and {@code reason} says which.
 */
public record AuditVerification(boolean valid, long entries, Long firstBrokenSeq, String reason) {

    public static AuditVerification intact(long entries) {
        return new AuditVerification(true, entries, null, null);
    }

    public static AuditVerification brokenAt(long entries, long seq, String reason) {
        return new AuditVerification(false, entries, seq, reason);
    }
}
