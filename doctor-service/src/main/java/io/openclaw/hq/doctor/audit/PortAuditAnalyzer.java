package io.openclaw.hq.doctor.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The tailnet-aware public port audit. Loopback and tailnet binds are private for any process;
 * tailscaled may bind anywhere (it needs to for WireGuard and DERP); every other bind on a
 * wildcard or public address is a violation. sshd on such a bind is flagged separately because
 * the guard can repair exactly that case.
 */
public final class PortAuditAnalyzer {

    static final String TAILSCALED = "tailscaled";
    private static final int SSH_PORT = 22;

    private PortAuditAnalyzer() {
    }

    public static PortAuditResult analyze(String ssOutput) {
        return analyze(SsParser.parse(ssOutput));
    }

    public static PortAuditResult analyze(List<Listener> listeners) {
        List<PortAuditResult.Violation> violations = new ArrayList<>();
        boolean sshdPublic = false;
        for (Listener listener : listeners) {
            AddressClass addressClass = NetworkRanges.classify(listener.address());
            if (addressClass.isPrivate() || listener.isHeldBy(TAILSCALED)) {
                continue;
            }
            boolean sshd = isSshd(listener);
            violations.add(new PortAuditResult.Violation(listener, addressClass, sshd));
            sshdPublic |= sshd;
        }
        return new PortAuditResult(listeners, violations, sshdPublic);
    }

    /** sshd itself, or systemd holding port 22 for ssh.socket activation (it ignores ListenAddress). */
    static boolean isSshd(Listener listener) {
        if (listener.processes().stream().anyMatch(p -> p.equals("sshd") || p.startsWith("sshd-"))) {
            return true;
        }
        return listener.port() == SSH_PORT && listener.isHeldBy("systemd");
    }
}
