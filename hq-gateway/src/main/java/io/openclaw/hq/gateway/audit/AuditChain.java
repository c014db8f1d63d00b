package io.openclaw.hq.gateway.audit;

import io.openclaw.hq.platform.secrets.SecretMasking;
import java.time.Instant;
import java.util.List;

/**
 * The hash of an audit entry: SHA-256 over every column in a fixed order, the previous entry's
 * hash among them. Pure, so the chain can be checked without a database.
 */
public final class AuditChain {

    /** The {@code prevHash} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(long seq, Instant at, String event, String outcome, String actor, String person,
            String client, String detail, String prevHash) {
        String canonical = String.join("\u001f", Long.toString(seq), at.toString(), field(event), field(outcome),
                field(actor), field(person), field(client), field(detail), prevHash);
        return SecretMasking.sha256Hex(canonical);
    }

    public static String hashOf(AuditEntry e) {
        return hash(e.seq(), e.at(), e.event(), e.outcome(), e.actor(), e.person(), e.client(), e.detail(), e.prevHash());
    }

    /** Walks the entries in order; the first whose link or hash is wrong is named. */
    public static AuditVerification verify(List<AuditEntry> entries) {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        for (AuditEntry e : entries) {
            if (e.seq() != expectedSeq) {
                return AuditVerification.brokenAt(entries.size(), e.seq(),
                        "entry " + expectedSeq + " is missing (next stored entry is " + e.seq() + ")");
            }
            if (!e.prevHash().equals(expectedPrev)) {
                return AuditVerification.brokenAt(entries.size(), e.seq(), "prevHash does not match the previous entry's hash");
            }
            if (!hashOf(e).equals(e.hash())) {
                return AuditVerification.brokenAt(entries.size(), e.seq(), "stored hash does not match the entry's content");
            }
            expectedPrev = e.hash();
            expectedSeq++;
        }
        return AuditVerification.intact(entries.size());
    }

    /**
     * Is the head the host guard recorded ({@code seq}, {@code hash}) still in the chain? The chain
     * alone cannot show that its newest entries were removed; a witness kept outside the gateway can.
     */
    public static GuardHeadCheck checkHead(List<AuditEntry> entries, long seq, String hash, Instant recordedAt) {
        long newest = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        for (AuditEntry e : entries) {
            if (e.seq() == seq) {
                return e.hash().equals(hash)
                        ? new GuardHeadCheck(GuardHeadCheck.PRESENT, seq, hash, recordedAt,
                                "entry " + seq + " recorded by the host guard at " + recordedAt + " is in the chain")
                        : new GuardHeadCheck(GuardHeadCheck.MISMATCH, seq, hash, recordedAt, "entry " + seq
                                + " is not the one the host guard recorded at " + recordedAt + ": entries were removed and written again");
            }
        }
        return new GuardHeadCheck(GuardHeadCheck.CUT_OFF, seq, hash, recordedAt, "entry " + seq + " recorded by the host guard at "
                + recordedAt + " is missing: the chain ends at " + newest + ", its newest entries were cut off");
    }

    private static String field(String value) {
        // null and "" must hash differently, or a changed NULL column would go unnoticed
        return value == null ? "\u0000" : value;
    }
}
