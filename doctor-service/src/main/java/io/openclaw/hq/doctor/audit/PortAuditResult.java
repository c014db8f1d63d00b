package io.openclaw.hq.doctor.audit;

import java.util.List;

/**
 * The verdict of the port audit: {@code OK}, or the violations, with {@code sshdPublic} set when
 * sshd itself is reachable from outside (the case the remediation script repairs).
 */
public record PortAuditResult(List<Listener> listeners, List<Violation> violations, boolean sshdPublic) {

    public PortAuditResult {
        listeners = List.copyOf(listeners);
        violations = List.copyOf(violations);
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    /** A public bind, with the class of its address. */
    public record Violation(Listener listener, AddressClass addressClass, boolean sshd) {
        public String describe() {
            return listener.bind() + " " + listener.processName() + " ("
                    + (addressClass == AddressClass.WILDCARD ? "all interfaces" : "public address") + ")";
        }
    }

    /** The reference's structured output: OK, or VIOLATIONS with one line each and SSHD_PUBLIC. */
    public List<String> lines() {
        if (ok()) {
            return List.of("OK");
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        out.add("VIOLATIONS");
        violations.forEach(v -> out.add(v.describe()));
        if (sshdPublic) {
            out.add("SSHD_PUBLIC");
        }
        return out;
    }
}
