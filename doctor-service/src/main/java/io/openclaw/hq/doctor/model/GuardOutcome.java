package io.openclaw.hq.doctor.model;

/** How a guard run ended. */
public enum GuardOutcome {
    /** Doctor passed (WARN included): logged, nothing else. */
    PASS,
    /** Doctor failed; alerts sent; nothing the guard may repair (or Tailscale down: sshd left alone). */
    FAIL,
    /** sshd was public with Tailscale up; the remediation ran and the doctor no longer sees sshd public. */
    REMEDIATED,
    /** The remediation failed, or sshd was still public afterwards: emergency alert. */
    REMEDIATION_FAILED,
    /** Another run (heal, a guard) held host:<target>. */
    LOCKED
}
