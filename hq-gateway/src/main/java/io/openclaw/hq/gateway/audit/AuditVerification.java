package io.openclaw.hq.gateway.audit;

/**
 * The outcome of recomputing the audit chain: {@code firstBrokenSeq} names the first entry whose
 * stored hash or link to its predecessor does not match, and {@code reason} says which.
 * {@code guardHead} is the check against the newest head the host guard recorded; when it proves
 * entries are gone, the verification is invalid and {@code firstBrokenSeq} is the first missing or
 * replaced entry.
 */
public record AuditVerification(boolean valid, long entries, Long firstBrokenSeq, String reason, GuardHeadCheck guardHead) {

    public static AuditVerification intact(long entries) {
        return new AuditVerification(true, entries, null, null, null);
    }

    public static AuditVerification brokenAt(long entries, long seq, String reason) {
        return new AuditVerification(false, entries, seq, reason, null);
    }

    /** This chain verification together with the host guard's witness. A broken chain stays broken at its first break. */
    public AuditVerification withGuardHead(GuardHeadCheck head) {
        if (!valid || !head.contradictsChain()) {
            return new AuditVerification(valid, entries, firstBrokenSeq, reason, head);
        }
        long first = GuardHeadCheck.CUT_OFF.equals(head.status()) ? entries + 1 : head.seq();
        return new AuditVerification(false, entries, first, head.detail(), head);
    }
}
