package io.openclaw.hq.doctor.service;

import io.openclaw.hq.doctor.model.DoctorReport;

/**
 * The guard's rules, the same as the host guard's (deploy/host/openclaw_guard.sh): both are tested
 * against the one table deploy/host/guard-scenarios.json, so the two cannot drift apart.
 * <ul>
 * <li>sshd is remediated only when Tailscale is up (a tailnet IPv4) AND sshd is public;</li>
 * <li>an alert is raised when sshd is public, Tailscale is down, no stack container runs or
 * PostgreSQL is down (and, for this guard, when any other doctor check FAILs);</li>
 * <li>it goes to notify-service, or straight to Pushover when notify-service cannot be reached.</li>
 * </ul>
 */
public final class GuardDecision {

    /** What a guard saw; "unknown" always reads as the unsafe value (Tailscale down, sshd public, stack down). */
    public record Facts(boolean tailscaleUp, boolean sshdPublic, boolean containersUp, boolean postgresUp,
            boolean notifyReachable) {
    }

    public enum AlertChannel {
        NOTIFY, PUSHOVER, NONE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private GuardDecision() {
    }

    public static boolean remediateSshd(Facts facts) {
        return facts.tailscaleUp() && facts.sshdPublic();
    }

    public static boolean alertNeeded(Facts facts, boolean otherChecksFail) {
        return facts.sshdPublic() || !facts.tailscaleUp() || !facts.containersUp() || !facts.postgresUp() || otherChecksFail;
    }

    public static AlertChannel alertChannel(Facts facts, boolean otherChecksFail) {
        if (!alertNeeded(facts, otherChecksFail)) {
            return AlertChannel.NONE;
        }
        return facts.notifyReachable() ? AlertChannel.NOTIFY : AlertChannel.PUSHOVER;
    }

    /** Where to send an alert once notify-service has or has not answered it. */
    public static AlertChannel channelFor(boolean notifyReachable) {
        return notifyReachable ? AlertChannel.NOTIFY : AlertChannel.PUSHOVER;
    }

    /**
     * The Java guard's facts from its doctor report. It runs inside the stack, so PostgreSQL is up
     * (the guard run is recorded there) and at least this container runs; the stack's state beyond
     * that is check 2's. Tailscale counts as up only with a reachable host and a tailnet IPv4.
     */
    public static Facts of(DoctorReport report, boolean notifyReachable) {
        boolean tailscaleUp = report.posture().hostReachable() && report.posture().tailscaleUp()
                && report.posture().tailscaleIpv4() != null;
        return new Facts(tailscaleUp, report.posture().sshdPublic(), true, true, notifyReachable);
    }

    /** Any FAIL in the report (disk, keys, ports, …); overlapping the facts does no harm, the rule is an "or". */
    public static boolean otherChecksFail(DoctorReport report) {
        return !report.failing().isEmpty();
    }
}
