package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.audit.PortAuditAnalyzer;
import io.openclaw.hq.doctor.audit.PortAuditResult;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.host.ProbeOutput;
import io.openclaw.hq.doctor.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** 4. Public port audit, tailnet-aware: see {@link PortAuditAnalyzer}. */
@ApplicationScoped
public class PublicPortAuditCheck implements DoctorCheck {

    static final String GENERIC_FIX = "Bind the listed services to 127.0.0.1 or the Tailscale address, "
            + "or stop them. Only 127.0.0.0/8, ::1, 100.64.0.0/10 and fd7a:115c:a1e0::/48 are allowed.";

    @Override
    public String id() {
        return "public_ports";
    }

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String name() {
        return "Public port audit";
    }

    @Override
    public Set<Probe> probes() {
        return Set.of(Probe.LISTENERS);
    }

    @Override
    public CheckResult run(HostFacts facts) {
        ProbeOutput out = facts.output(Probe.LISTENERS);
        if (!out.succeeded()) {
            return fail("listeners unavailable", List.of(out.problem()), "Make 'ss -tlnp' work on the host (iproute2).");
        }
        PortAuditResult audit = PortAuditAnalyzer.analyze(out.stdout());
        if (audit.ok()) {
            return pass("no public listeners among " + audit.listeners().size(), audit.lines());
        }
        String remediation = audit.sshdPublic() ? Remediation.SSHD_PUBLIC : GENERIC_FIX;
        if (audit.sshdPublic() && audit.violations().stream().anyMatch(v -> !v.sshd())) {
            remediation = Remediation.SSHD_PUBLIC + "\n" + GENERIC_FIX;
        }
        List<String> details = new ArrayList<>(audit.lines());
        return fail(audit.violations().size() + " public listener(s)" + (audit.sshdPublic() ? ", sshd among them" : ""),
                details, remediation);
    }

}
